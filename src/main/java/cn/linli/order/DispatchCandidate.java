package cn.linli.order;

import cn.linli.partner.Partner;
import org.jspecify.annotations.Nullable;

/** A partner that could take an order, ranked, with the reason for its rank. */
record DispatchCandidate(int rank, Partner partner, String reason, @Nullable Double averageRating, int recentAssignments) {
}
