package cn.linli.platform.timer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often each instance looks for due timers
 * @param batchSize    most timers one poll fires
 * @param enabled      whether this instance polls at all (every instance may; SKIP LOCKED shares the work)
 */
@ConfigurationProperties("linli.timers")
public record TimerProperties(Duration pollInterval, int batchSize, boolean enabled) {
}
