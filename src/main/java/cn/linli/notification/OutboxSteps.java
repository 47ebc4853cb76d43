package cn.linli.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * The database steps around sending one outbox row, each its own transaction, so no transaction or row lock is open
 * while WeChat answers: take a consent before, record the answer after, give the consent back if the send failed.
 */
@Component
class OutboxSteps {

    private final NotificationRepository repository;

    OutboxSteps(NotificationRepository repository) {
        this.repository = repository;
    }

    /**
     * A pending row whose person has a consent left: the consent is used and the row returned, to send. Without one
     * the row ends as sent in-app only; a row no longer pending is left alone (empty either way).
     */
    @Transactional
    public Mono<NotificationRepository.Outbox> takeConsent(long outboxId) {
        return repository.lock(outboxId)
                .filter(outbox -> outbox.status() == OutboxStatus.PENDING)
                .flatMap(outbox -> repository.useConsent(outbox.accountId(), outbox.templateKey())
                        .flatMap(consented -> consented ? Mono.just(outbox)
                                : repository.close(outbox.id(), OutboxLifecycle.Action.SKIP_WITHOUT_CONSENT, "没有订阅授权")
                                .then(Mono.empty())));
    }

    /** WeChat's answer: delivered, or (43101) the person's consents are used up. */
    @Transactional
    public Mono<Void> record(NotificationRepository.Outbox outbox, OutboxLifecycle.Action action) {
        return action == OutboxLifecycle.Action.DELIVER ? repository.close(outbox.id(), action, null)
                : repository.clearConsent(outbox.accountId(), outbox.templateKey())
                .then(repository.close(outbox.id(), action, "微信返回 43101：授权已用完"));
    }

    /** The send failed (WeChat down): the consent it took is returned, and the timer retries later. */
    @Transactional
    public Mono<Void> giveBack(NotificationRepository.Outbox outbox) {
        return repository.addConsent(outbox.accountId(), outbox.templateKey());
    }
}
