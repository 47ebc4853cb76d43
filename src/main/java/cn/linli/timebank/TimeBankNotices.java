package cn.linli.timebank;

import java.util.List;

import cn.linli.notification.NotificationService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The time bank's notices and the mini-program pages they open, in one place. They go through the outbox inside the
 * causing transaction, so a committed movement never loses its notice.
 */
@Component
class TimeBankNotices {

    private static final String TIME_BANK_PAGE = "pages/timebank/index";
    private static final String VOUCHERS_PAGE = "pages/timebank/vouchers";

    private final NotificationService notifications;

    TimeBankNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    Mono<Void> pointsReceived(long accountId, String title, String body) {
        return notifications.notify(List.of(accountId), "POINTS_RECEIVED", title, body, TIME_BANK_PAGE);
    }

    Mono<Void> voucherExpiring(long ownerId, String rewardTitle) {
        return notifications.notify(List.of(ownerId), "VOUCHER_EXPIRING", "兑换券即将过期", rewardTitle + "，请尽快使用",
                VOUCHERS_PAGE);
    }
}
