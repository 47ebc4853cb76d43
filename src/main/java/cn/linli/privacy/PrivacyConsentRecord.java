package cn.linli.privacy;

import java.time.Instant;

/** One acceptance: the version and when (schema {@code PrivacyConsent}). */
record PrivacyConsentRecord(int version, Instant acceptedAt) {
}
