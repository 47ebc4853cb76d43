package cn.linli.order;

import java.util.Collection;
import java.util.List;

import cn.linli.community.CommunityService;
import cn.linli.community.StaffMember;
import cn.linli.notification.NotificationService;
import cn.linli.partner.PartnerMember;
import cn.linli.partner.PartnerService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What people hear about an order, and the one place that knows which mini-program page shows it to each of them.
 * Notifications go to the outbox inside the causing transaction, so they are never lost.
 */
@Component
class OrderNotices {

    private final NotificationService notifications;
    private final CommunityService communities;
    private final PartnerService partners;

    OrderNotices(NotificationService notifications, CommunityService communities, PartnerService partners) {
        this.notifications = notifications;
        this.communities = communities;
        this.partners = partners;
    }

    Mono<Void> tellResident(ServiceOrder order, String kind, String title) {
        return notifications.notify(List.of(order.residentId()), kind, title, order.description(),
                "pages/order/detail?id=" + order.id());
    }

    Mono<Void> tellStaff(ServiceOrder order, String kind, String title, String reason) {
        return communities.staffOfCommunities(List.of(order.communityId())).flatMap(staff -> notifications.notify(
                staff.getOrDefault(order.communityId(), List.of()).stream().map(StaffMember::id).toList(),
                kind, title, reason, "pages/staff/order?id=" + order.id()));
    }

    /** Every member of these partners hears about the order (in the app; by WeChat where they consented). */
    Mono<Void> tellPartners(Collection<Long> partnerIds, String kind, String title, ServiceOrder order) {
        return partners.membersOfPartners(partnerIds).flatMap(members -> notifications.notify(
                members.values().stream().flatMap(List::stream).map(PartnerMember::id).toList(),
                kind, title, order.description(), "pages/partner/order?id=" + order.id()));
    }
}
