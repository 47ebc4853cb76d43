package cn.linli.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param deletionCoolingOff how long an account deletion waits before it is performed (cancellable meanwhile)
 */
@ConfigurationProperties("linli.privacy")
record PrivacyProperties(Duration deletionCoolingOff) {

    PrivacyProperties {
        deletionCoolingOff = deletionCoolingOff == null ? Duration.ofDays(7) : deletionCoolingOff;
    }
}
