package cn.linli.household;

import java.util.List;

import cn.linli.community.CommunityService;
import cn.linli.community.StaffMember;
import cn.linli.notification.NotificationService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What people hear about verification and membership, and the one place that knows the mini-program pages for it
 * (我的房屋). Notices join the causing transaction: the outbox must not lose them, nor send one for a rolled-back change.
 */
@Component
class HouseholdNotices {

    private final NotificationService notifications;
    private final CommunityService communities;

    HouseholdNotices(NotificationService notifications, CommunityService communities) {
        this.notifications = notifications;
        this.communities = communities;
    }

    static String requestPage(long requestId) {
        return "pages/household/request?id=" + requestId;
    }

    static String reviewPage(long requestId) {
        return "pages/household/review?id=" + requestId;
    }

    static String householdsPage() {
        return "pages/household/index";
    }

    /**
     * The request goes to the household's head if it has one, otherwise to every staff member of its community. The
     * applicant's real name stays out of the notice (notices are kept as plain text): the review page shows it.
     */
    Mono<Void> requested(VerificationRequest request, HouseholdState household) {
        return approvers(household).flatMap(to -> label(request.householdId()).flatMap(label -> notifications.notify(to,
                "VERIFICATION_REQUESTED", "新的房屋认证申请待审核",
                label + " · " + request.relation().displayName(), reviewPage(request.id()))));
    }

    Mono<Void> withdrawn(VerificationRequest request, HouseholdState household) {
        return approvers(household).flatMap(to -> label(request.householdId()).flatMap(label -> notifications.notify(to,
                "VERIFICATION_WITHDRAWN", "房屋认证申请已被申请人撤回", label, reviewPage(request.id()))));
    }

    Mono<Void> decided(VerificationRequest request) {
        boolean approved = request.status() == VerificationStatus.APPROVED;
        return label(request.householdId()).flatMap(label -> notifications.notify(List.of(request.applicantId()),
                approved ? "VERIFICATION_APPROVED" : "VERIFICATION_REJECTED",
                approved ? "房屋认证已通过" : "房屋认证未通过",
                approved ? label : label + "：" + request.rejectionReason(), requestPage(request.id())));
    }

    Mono<Void> removed(long householdId, long accountId) {
        return label(householdId).flatMap(label -> notifications.notify(List.of(accountId), "HOUSEHOLD_MEMBER_REMOVED",
                "你已被移出房屋", label, householdsPage()));
    }

    private Mono<List<Long>> approvers(HouseholdState household) {
        if (household.headId() != null) {
            return Mono.just(List.of(household.headId()));
        }
        return communities.staffOfCommunities(List.of(household.communityId()))
                .map(staff -> staff.getOrDefault(household.communityId(), List.of()).stream().map(StaffMember::id).toList());
    }

    private Mono<String> label(long householdId) {
        return communities.householdsByIds(List.of(householdId))
                .map(found -> found.containsKey(householdId) ? found.get(householdId).label() : "");
    }
}
