package cn.linli.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param acceptDeadlineNormal time a partner has to accept a normal order (also the grab window)
 * @param acceptDeadlineUrgent time a partner has to accept an urgent order
 * @param autoConfirmAfter     silence after completion before the order confirms itself
 */
@ConfigurationProperties("linli.orders")
record OrderProperties(Duration acceptDeadlineNormal, Duration acceptDeadlineUrgent, Duration autoConfirmAfter) {

    Duration acceptDeadline(Urgency urgency) {
        return urgency == Urgency.URGENT ? acceptDeadlineUrgent : acceptDeadlineNormal;
    }
}
