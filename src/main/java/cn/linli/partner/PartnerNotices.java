package cn.linli.partner;

import java.util.Collection;
import java.util.List;

import cn.linli.community.CommunityService;
import cn.linli.community.StaffMember;
import cn.linli.notification.NotificationService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What people hear about applications and invitations, and the one place that knows the mini-program pages that show
 * them. Notices join the causing transaction (the outbox must not lose them).
 */
@Component
class PartnerNotices {

    static final String APPLICATION_PAGE = "pages/partner/application?id=";
    static final String STAFF_APPLICATION_PAGE = "pages/staff/partner-application?id=";
    static final String INVITATIONS_PAGE = "pages/partner/invitations";
    static final String PARTNER_PAGE = "pages/partner/index";

    private final NotificationService notifications;
    private final CommunityService communities;

    PartnerNotices(NotificationService notifications, CommunityService communities) {
        this.notifications = notifications;
        this.communities = communities;
    }

    /** The staff of every requested community hear of a new (or withdrawn) application. */
    Mono<Void> tellStaff(Collection<Long> communityIds, PartnerApplication application, String kind, String title) {
        return communities.staffOfCommunities(communityIds).flatMap(staff -> notifications.notify(
                staff.values().stream().flatMap(List::stream).map(StaffMember::id)
                        .filter(id -> id != application.applicantId()).toList(),
                kind, title, application.name(), STAFF_APPLICATION_PAGE + application.id()));
    }

    Mono<Void> tellApplicant(PartnerApplication application, String kind, String title, String body) {
        return notifications.notify(List.of(application.applicantId()), kind, title, body,
                APPLICATION_PAGE + application.id());
    }

    Mono<Void> invited(long accountId, Partner partner) {
        return notifications.notify(List.of(accountId), "PARTNER_INVITED", "邀请你加入合伙人",
                partner.name() + " 邀请你成为成员，接受后才会加入", INVITATIONS_PAGE);
    }

    Mono<Void> answered(long inviterId, Partner partner, boolean accepted) {
        return notifications.notify(List.of(inviterId), accepted ? "PARTNER_INVITATION_ACCEPTED" : "PARTNER_INVITATION_DECLINED",
                accepted ? "邀请已被接受" : "邀请已被拒绝", partner.name(), PARTNER_PAGE);
    }
}
