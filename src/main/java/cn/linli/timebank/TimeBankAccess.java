package cn.linli.timebank;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.partner.PartnerMember;
import cn.linli.partner.PartnerService;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may do what in the time bank, in one place: staff manage their community's points, rules and activities;
 * residents give to their own household and donate to, redeem in and volunteer for their own community; partner
 * admins supply rewards to communities they hold a valid contract with; the supplying partner verifies vouchers.
 */
@Component
class TimeBankAccess {

    private final CommunityService communities;
    private final PartnerService partners;

    TimeBankAccess(CommunityService communities, PartnerService partners) {
        this.communities = communities;
        this.partners = partners;
    }

    /** {@code FORBIDDEN} unless the viewer is staff of the community (or an administrator). */
    Mono<Void> requireStaff(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId);
    }

    /** A grant's recipient or a donor must live in the community ({@code VALIDATION_FAILED} on input.accountId). */
    Mono<Void> requireResident(long accountId, long communityId) {
        return livesIn(accountId, communityId).flatMap(resident -> resident ? Mono.<Void>empty()
                : Mono.error(LinliException.invalid("input.accountId", "该居民不属于这个社区")));
    }

    /** Points are given within a household only: the household the sender and the recipient share. */
    Mono<Household> sharedHousehold(Viewer viewer, long recipient) {
        return communities.householdsOfAccounts(List.of(viewer.accountId(), recipient)).flatMap(households -> {
            Set<Long> theirs = households.getOrDefault(recipient, List.of()).stream().map(Household::id)
                    .collect(Collectors.toSet());
            return Mono.justOrEmpty(households.getOrDefault(viewer.accountId(), List.of()).stream()
                            .filter(household -> theirs.contains(household.id())).findFirst())
                    .switchIfEmpty(Mono.error(() -> new LinliException(ErrorCode.FORBIDDEN, "只能转给同一户的家人")));
        });
    }

    /** The catalogue is for the community: its residents, and the partner members who serve it and earn there. */
    Mono<Void> requireMayRedeem(Viewer viewer, long communityId) {
        Mono<Boolean> serving = partners.membershipOf(viewer.accountId())
                .flatMap(member -> partners.hasValidContract(member.partnerId(), communityId))
                .defaultIfEmpty(false);
        return Mono.zip(livesIn(viewer.accountId(), communityId), serving)
                .flatMap(t -> t.getT1() || t.getT2() ? Mono.<Void>empty()
                        : Mono.error(new LinliException(ErrorCode.FORBIDDEN, "只有本社区居民和服务本社区的合伙人可以兑换")));
    }

    /** The partner a viewer supplies rewards for: an admin of a partner with a valid contract in the community. */
    Mono<Long> supplierFor(Viewer viewer, long communityId) {
        return partners.membershipOf(viewer.accountId())
                .filter(PartnerMember::isAdmin)
                .switchIfEmpty(Mono.error(LinliException::forbidden))
                .flatMap(member -> partners.hasValidContract(member.partnerId(), communityId)
                        .flatMap(valid -> valid ? Mono.just(member.partnerId())
                                : Mono.error(LinliException.invalid("input.communityId", "本合伙人与该社区没有有效合同"))));
    }

    /** Only partner members verify vouchers at all; anyone else is refused before a code is looked up. */
    Mono<PartnerMember> requirePartnerMember(Viewer viewer) {
        return partners.membershipOf(viewer.accountId()).switchIfEmpty(Mono.error(LinliException::forbidden));
    }

    /** The viewer's part in a voucher's life; {@link VoucherLifecycle} decides what that part may do. */
    static VoucherLifecycle.Actor actorOf(Viewer viewer, Voucher voucher) {
        return voucher.ownerId() == viewer.accountId() ? VoucherLifecycle.Actor.OWNER : VoucherLifecycle.Actor.OTHER;
    }

    static VoucherLifecycle.Actor actorOf(PartnerMember member, Reward reward) {
        return member.partnerId() == reward.partnerId() ? VoucherLifecycle.Actor.SUPPLIER : VoucherLifecycle.Actor.OTHER;
    }

    /** Volunteers sign up for activities of the community they live in. */
    Mono<Void> requireMaySignUp(Viewer viewer, long communityId) {
        return livesIn(viewer.accountId(), communityId).flatMap(resident -> resident ? Mono.<Void>empty()
                : Mono.error(new LinliException(ErrorCode.FORBIDDEN, "只有本社区居民可以报名")));
    }

    /** Communities whose activities' sign-up lists the viewer sees: the one they are staff of; all for an admin. */
    Mono<java.util.function.LongPredicate> signupListsVisible(Viewer viewer) {
        if (viewer.has(Role.ADMIN)) {
            return Mono.just(community -> true);
        }
        return communities.staffByAccounts(List.of(viewer.accountId())).map(staff -> {
            var member = staff.get(viewer.accountId());
            return member == null ? community -> false : community -> community == member.communityId();
        });
    }

    private Mono<Boolean> livesIn(long accountId, long communityId) {
        return communities.householdsOfAccounts(List.of(accountId))
                .map(households -> households.getOrDefault(accountId, List.of()).stream()
                        .anyMatch(household -> household.communityId() == communityId));
    }
}
