package cn.linli.notification;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxAttempts sends of one subscribe message before it is given up (with the last error as the reason)
 * @param templates   WeChat subscribe-message template id per notification kind (ORDER_DISPATCHED, …)
 */
@ConfigurationProperties("linli.notifications")
record NotificationProperties(int maxAttempts, Map<String, String> templates) {
}
