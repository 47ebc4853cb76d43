package cn.linli.ballot;

import java.util.List;

import cn.linli.notification.NotificationService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What households hear about ballots, and the one place that knows the mini-program's ballot pages. Notices join the
 * causing transaction (the outbox must not lose them, nor send one for a rolled-back change).
 */
@Component
class BallotNotices {

    static final String OPENED = "BALLOT_OPENED";
    static final String REMINDER = "BALLOT_REMINDER";

    private final NotificationService notifications;
    private final VoteRepository votes;

    BallotNotices(NotificationService notifications, VoteRepository votes) {
        this.notifications = notifications;
        this.votes = votes;
    }

    static String detailPage(long ballotId) {
        return "pages/ballot/detail?id=" + ballotId;
    }

    /** Every member who may vote hears that the ballot opened. */
    Mono<Void> opened(Ballot ballot) {
        return votes.voters(ballot.id(), java.util.Objects.requireNonNull(ballot.openedAt()), false).collectList()
                .flatMap(to -> send(to, OPENED, "一户一票：" + ballot.title(), "投票已开始，每户一票", ballot));
    }

    /** Members of households that have not voted yet hear that it closes soon (sent once, by the reminder timer). */
    Mono<Void> reminder(Ballot ballot) {
        return votes.voters(ballot.id(), java.util.Objects.requireNonNull(ballot.openedAt()), true).collectList()
                .flatMap(to -> send(to, REMINDER, "投票即将截止：" + ballot.title(), "你家还没有投票，请在截止前投票", ballot));
    }

    private Mono<Void> send(List<Long> to, String kind, String title, String body, Ballot ballot) {
        return to.isEmpty() ? Mono.empty() : notifications.notify(to, kind, title, body, detailPage(ballot.id()));
    }
}
