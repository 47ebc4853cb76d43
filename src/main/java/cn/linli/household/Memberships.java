package cn.linli.household;

import java.util.List;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Heads (and staff) manage who belongs to a household: remove a member, hand the head role over; any member may
 * leave. Each change locks the household's row first, so membership changes of one household happen one at a time
 * and every rule is checked against the membership as it is.
 */
@Service
class Memberships {

    /** The household locked, its members, and who the viewer is there. */
    private record Context(HouseholdState household, List<Member> members, long viewerId, boolean viewerIsStaff) {

        boolean viewerIsHead() {
            return household.headId() != null && household.headId() == viewerId;
        }

        @Nullable Member find(long accountId) {
            return members.stream().filter(m -> m.accountId() == accountId).findFirst().orElse(null);
        }
    }

    private final MembershipRepository members;
    private final HouseholdPolicy policy;
    private final HouseholdNotices notices;
    private final CommunityService communities;
    private final AuditLog audit;

    Memberships(MembershipRepository members, HouseholdPolicy policy, HouseholdNotices notices,
                CommunityService communities, AuditLog audit) {
        this.members = members;
        this.policy = policy;
        this.notices = notices;
        this.communities = communities;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Household> remove(Viewer viewer, String householdId, String accountId) {
        return Mono.defer(() -> {
            long household = Ids.parse(householdId, "input.householdId");
            long target = Ids.parse(accountId, "input.accountId");
            return context(viewer, household).flatMap(context -> {
                if (!context.viewerIsHead() && !context.viewerIsStaff() && target != viewer.accountId()) {
                    return Mono.error(LinliException.forbidden());
                }
                Member member = context.find(target);
                if (member == null) {
                    return Mono.error(LinliException.notFound("该成员"));
                }
                MembershipRules.checkRemove(viewer.accountId(), context.viewerIsHead(), context.viewerIsStaff(), member,
                        context.members().size());
                return removed(context, member, target == viewer.accountId() ? AuditAction.LEFT : AuditAction.REMOVED);
            });
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Household> leave(Viewer viewer, String householdId) {
        return Mono.defer(() -> context(viewer, Ids.parse(householdId, "input.householdId"))).flatMap(context -> {
            Member self = context.find(viewer.accountId());
            if (self == null) {
                return Mono.error(LinliException.notFound("你在该户的成员身份"));
            }
            MembershipRules.checkLeave(self, context.members().size());
            return removed(context, self, AuditAction.LEFT);
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Household> handOver(Viewer viewer, String householdId, String toAccountId) {
        return Mono.defer(() -> {
            long household = Ids.parse(householdId, "input.householdId");
            long to = Ids.parse(toAccountId, "input.toAccountId");
            return context(viewer, household).flatMap(context -> {
                MembershipRules.checkHandOver(context.viewerIsHead(), context.viewerIsStaff(), context.find(to));
                Map<String, Object> before = context.household().headId() == null ? Map.of()
                        : Map.of("headId", context.household().headId());
                return members.handOver(household, to)
                        .then(audit.record(new AuditChange(viewer.accountId(), context.household().communityId(),
                                AuditSubject.MEMBERSHIP, household, AuditAction.HEAD_HANDED_OVER, before,
                                Map.of("headId", to))))
                        .then(household(household));
            });
        });
    }

    private Mono<Context> context(Viewer viewer, long householdId) {
        return members.lockedState(householdId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("房屋")))
                .flatMap(household -> members.members(householdId).collectList()
                        .zipWith(policy.isStaffOf(viewer, household.communityId()))
                        .map(found -> new Context(household, found.getT1(), viewer.accountId(), found.getT2())));
    }

    private Mono<Household> removed(Context context, Member member, AuditAction action) {
        long household = context.household().id();
        Mono<Void> notice = action == AuditAction.REMOVED ? notices.removed(household, member.accountId()) : Mono.empty();
        return members.remove(household, member.accountId())
                .then(audit.record(new AuditChange(context.viewerId(), context.household().communityId(),
                        AuditSubject.MEMBERSHIP, household, action,
                        Map.of("accountId", member.accountId(), "relation", member.relation().name()), null)))
                .then(notice)
                .then(household(household));
    }

    private Mono<Household> household(long id) {
        return communities.householdsByIds(List.of(id)).mapNotNull(found -> found.get(id));
    }
}
