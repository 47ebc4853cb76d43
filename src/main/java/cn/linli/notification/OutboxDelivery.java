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
 * The timer side of the outbox: sends one pending row under a lease (outside any transaction; the timer's retry and
 * back-off apply) and ends it as {@link OutboxLifecycle} says.
 */
@Component
class OutboxDelivery implements TimerHandler {

    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() { };

    private final NotificationRepository repository;
    private final OutboxSteps steps;
    private final WeChatMessages weChat;
    private final IdentityService identity;
    private final NotificationProperties properties;
    private final JsonMapper json;

    OutboxDelivery(NotificationRepository repository, OutboxSteps steps, WeChatMessages weChat, IdentityService identity,
                   NotificationProperties properties, JsonMapper json) {
        this.repository = repository;
        this.steps = steps;
        this.weChat = weChat;
        this.identity = identity;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String kind() {
        return NotificationService.SEND;
    }

    /**
     * Sends one outbox row: a consent is taken in one transaction, WeChat is called with none open, and its answer is
     * recorded in another. While WeChat fails this throws (the timer retries with back-off) and the consent is given
     * back. As with any outbox, a crash after WeChat accepted but before the answer was recorded sends it again when
     * the lease runs out, if the person has a consent left.
     */
    @Override
    public Mono<Void> fire(long outboxId) {
        return steps.takeConsent(outboxId)
                .flatMap(outbox -> send(outbox)
                        .onErrorResume(failure -> steps.giveBack(outbox).then(Mono.error(failure)))
                        .flatMap(action -> steps.record(outbox, action)));
    }

    /** Runs leased: no transaction or row lock of the poller's is held while WeChat answers. */
    @Override
    public boolean leased() {
        return true;
    }

    private Mono<OutboxLifecycle.Action> send(NotificationRepository.Outbox outbox) {
        return identity.openidOf(outbox.accountId())
                .flatMap(openid -> weChat.sendSubscribeMessage(openid, properties.templates().get(outbox.templateKey()),
                        outbox.page(), json.readValue(outbox.data(), DATA)))
                .map(OutboxLifecycle::afterSend);
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
