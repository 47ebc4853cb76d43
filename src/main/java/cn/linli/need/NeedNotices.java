package cn.linli.need;

import java.util.List;

import cn.linli.community.CommunityService;
import cn.linli.community.StaffMember;
import cn.linli.notification.NotificationService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What people hear about needs, and the one place that knows the mini-program pages for them. Notices join the
 * causing transaction (outbox): none is lost, none is sent for a rolled-back change.
 */
@Component
class NeedNotices {

    static final String CHANGED = "NEED_CHANGED";
    static final String SUBMITTED = "NEED_SUBMITTED";
    static final String ESCALATED = "NEED_ESCALATED";

    private final NotificationService notifications;
    private final CommunityService communities;
    private final NeedEventRepository events;

    NeedNotices(NotificationService notifications, CommunityService communities, NeedEventRepository events) {
        this.notifications = notifications;
        this.communities = communities;
        this.events = events;
    }

    /** Residents, staff and street staff all open the same detail page; the server shows each what they may see. */
    static String detailPage(long needId) {
        return "pages/need/detail?id=" + needId;
    }

    /** The household's members hear of every step of their need. */
    Mono<Void> changed(Need need, NeedAction action, @org.jspecify.annotations.Nullable String note) {
        String body = need.status().displayName() + (note == null ? "" : "：" + note);
        return events.householdMembers(need.householdId())
                .flatMap(to -> notifications.notify(to, CHANGED, "你的需求" + action.displayName(), body,
                        detailPage(need.id())));
    }

    /** A new need waits for the community's staff to triage it. */
    Mono<Void> submitted(Need need) {
        return communities.staffOfCommunities(List.of(need.communityId()))
                .map(staff -> staff.getOrDefault(need.communityId(), List.of()).stream().map(StaffMember::id).toList())
                .flatMap(to -> notifications.notify(to, SUBMITTED, "新的居民需求待分流", excerpt(need),
                        detailPage(need.id())));
    }

    /** 街道呼叫: the street's staff hear of an overdue need the community could not settle in time. */
    Mono<Void> escalated(Need need) {
        return events.streetStaffOf(need.communityId())
                .flatMap(to -> notifications.notify(to, ESCALATED, "社区需求逾期上报街道", excerpt(need),
                        detailPage(need.id())));
    }

    private static String excerpt(Need need) {
        String kind = need.kind() == null ? "" : "【" + need.kind().displayName() + "】";
        return kind + need.description();
    }
}
