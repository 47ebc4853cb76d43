package cn.linli.notification;

import java.util.Map;

import cn.linli.identity.IdentityService;
import cn.linli.platform.timer.TimerHandler;
import cn.linli.wechat.WeChatMessages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timer side of the outbox: sends one pending row, inside the timer's transaction (joined, so the timer's own
 * retry and back-off apply), and ends it as {@link OutboxLifecycle} says.
 */
@Component
class OutboxDelivery implements TimerHandler {

    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() { };

    private final NotificationRepository repository;
    private final WeChatMessages weChat;
    private final IdentityService identity;
    private final NotificationProperties properties;
    private final JsonMapper json;

    OutboxDelivery(NotificationRepository repository, WeChatMessages weChat, IdentityService identity,
                   NotificationProperties properties, JsonMapper json) {
        this.repository = repository;
        this.weChat = weChat;
        this.identity = identity;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String kind() {
        return NotificationService.SEND;
    }

    /** Sends one outbox row. Throws while WeChat fails (the timer retries, and the used consent rolls back). */
    @Override
    @Transactional
    public Mono<Void> fire(long outboxId) {
        return repository.lock(outboxId)
                .filter(outbox -> outbox.status() == OutboxStatus.PENDING)
                .flatMap(outbox -> repository.useConsent(outbox.accountId(), outbox.templateKey())
                        .flatMap(consented -> consented ? send(outbox)
                                : repository.close(outbox.id(), OutboxLifecycle.Action.SKIP_WITHOUT_CONSENT, "没有订阅授权")));
    }

    private Mono<Void> send(NotificationRepository.Outbox outbox) {
        return identity.openidOf(outbox.accountId())
                .flatMap(openid -> weChat.sendSubscribeMessage(openid, properties.templates().get(outbox.templateKey()),
                        outbox.page(), json.readValue(outbox.data(), DATA)))
                .map(OutboxLifecycle::afterSend)
                .flatMap(action -> action == OutboxLifecycle.Action.DELIVER ? repository.close(outbox.id(), action, null)
                        : repository.clearConsent(outbox.accountId(), outbox.templateKey())
                        .then(repository.close(outbox.id(), action, "微信返回 43101：授权已用完")));
    }

    @Override
    public int maxAttempts() {
        return OutboxLifecycle.attemptBound(properties.maxAttempts());
    }

    /** After the bound: the message is given up with the last error as the reason (the in-app one stays). */
    @Override
    @Transactional
    public Mono<Void> giveUp(long outboxId, String reason) {
        return repository.close(outboxId, OutboxLifecycle.Action.GIVE_UP, reason);
    }
}
