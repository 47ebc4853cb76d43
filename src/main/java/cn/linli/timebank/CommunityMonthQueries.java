package cn.linli.timebank;

import java.util.Map;

import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Staff read their community's time bank month by month (figures and the statement export of the console). */
@Service
class CommunityMonthQueries {

    /** The month with its totals; its statement is a field of its own (read only when asked for). */
    record MonthView(CommunityMonth scope, String month, long issued, long granted, long redeemed, long donated,
                     long expired) {

        static MonthView of(CommunityMonth scope, Map<CommunityMonth.Total, Long> totals) {
            return new MonthView(scope, scope.month().toString(), totals.get(CommunityMonth.Total.ISSUED),
                    totals.get(CommunityMonth.Total.GRANTED), totals.get(CommunityMonth.Total.REDEEMED),
                    totals.get(CommunityMonth.Total.DONATED), totals.get(CommunityMonth.Total.EXPIRED));
        }
    }

    private final CommunityMonthRepository repository;
    private final TimeBankAccess access;

    CommunityMonthQueries(CommunityMonthRepository repository, TimeBankAccess access) {
        this.repository = repository;
        this.access = access;
    }

    Mono<MonthView> month(Viewer viewer, String communityId, String month) {
        return Mono.defer(() -> {
            CommunityMonth scope = CommunityMonth.parse(Ids.parse(communityId, "communityId"), month);
            return access.requireStaff(viewer, scope.communityId())
                    .then(repository.pointsByKind(scope))
                    .map(byKind -> MonthView.of(scope, CommunityMonth.totals(byKind)));
        });
    }

    Mono<Connection<StatementEntry>> statement(MonthView view, @Nullable Integer first, @Nullable String after) {
        return Mono.defer(() -> {
            PageRequest page = PageRequest.of(first, after);
            return repository.movements(view.scope(), page).collectList()
                    .map(rows -> Connection.of(rows, page, StatementEntry::position));
        });
    }
}
