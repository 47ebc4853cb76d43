package cn.linli.festival;

import java.util.List;

import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.notification.NotificationService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the festival tells people, and where in the mini-program it takes them: the one place that knows the
 * campaign page's route. Notices join the causing transaction (the outbox must not lose them).
 */
@Component
class FestivalNotices {

    private final NotificationService notifications;

    FestivalNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    static String campaignPage(long campaignId) {
        return "pages/festival/detail?id=" + campaignId;
    }

    Mono<Void> pledgePaid(Pledge pledge) {
        return tellPledger(pledge, "PLEDGE_PAID", "捐款成功，感谢支持邻里节");
    }

    Mono<Void> refundMade(Pledge pledge) {
        return tellPledger(pledge, "REFUND_MADE", "邻里节众筹未达目标，捐款已退回");
    }

    /** Every supporter hears how the deadline went. */
    Mono<Void> settled(Campaign campaign, List<Long> supporters, boolean funded) {
        return notifications.notify(supporters, funded ? "CAMPAIGN_FUNDED" : "CAMPAIGN_FAILED",
                funded ? "邻里节众筹成功！" : "邻里节众筹未达目标",
                campaign.theme() + (funded ? "：感谢每一位邻居" : "：已付款项将全额退回"), campaignPage(campaign.id()));
    }

    private Mono<Void> tellPledger(Pledge pledge, String kind, String title) {
        if (pledge.accountId() == null) {
            return Mono.empty();
        }
        String amount = pledge.amountFen() == null ? "" : String.format("%.2f 元", pledge.amountFen() / 100.0);
        return notifications.notify(List.of(pledge.accountId()), kind, title, amount, campaignPage(pledge.campaignId()));
    }
}
