package cn.linli.platform.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and checks of live updates (GraphQL subscriptions over WebSocket).
 *
 * @param maxSubscriptionsPerSocket  subscriptions one connection may hold at once (the transport serves at most 256 per
 *                                   connection and silently stops reading beyond that, so this stays well below)
 * @param maxSubscriptionsPerAccount subscriptions one account may hold at once across its connections to this instance
 * @param sessionCheckInterval       how often an open connection asks whether its session has ended (logout, reuse)
 */
@ConfigurationProperties("linli.live")
public record LiveProperties(int maxSubscriptionsPerSocket, int maxSubscriptionsPerAccount,
                             Duration sessionCheckInterval) {

    public LiveProperties {
        if (maxSubscriptionsPerSocket <= 0 || maxSubscriptionsPerSocket >= 256 || maxSubscriptionsPerAccount <= 0) {
            throw new IllegalArgumentException("linli.live subscription limits must be positive (and below 256 per socket)");
        }
        if (sessionCheckInterval == null || sessionCheckInterval.isNegative() || sessionCheckInterval.isZero()) {
            throw new IllegalArgumentException("linli.live.session-check-interval must be positive");
        }
    }
}
