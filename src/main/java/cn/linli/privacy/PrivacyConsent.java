package cn.linli.privacy;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one consent gate: whatever collects personal information beyond login (binding a phone number, household
 * verification with a real name and proof photo, partner applications with contact data, photo uploads) calls
 * {@link #require} first. Only the CURRENT policy version counts, so publishing a new one asks everyone again.
 */
@Component
public class PrivacyConsent {

    private final ConsentRepository consents;

    PrivacyConsent(ConsentRepository consents) {
        this.consents = consents;
    }

    /** Completes when the viewer accepted the current policy; PRIVACY_CONSENT_REQUIRED (with its version) otherwise. */
    public Mono<Void> require(Viewer viewer) {
        return consents.current(viewer.accountId())
                .flatMap(policy -> policy.accepted() ? Mono.<Void>empty() : Mono.error(required(policy.version())));
    }

    /** The current policy as the viewer sees it (anonymous: account 0, which never accepted). */
    Mono<PrivacyPolicy> current(long accountId) {
        return consents.current(accountId);
    }

    /** Records the acceptance of the current version (idempotent); an older version is PRIVACY_POLICY_OUTDATED. */
    Mono<PrivacyConsentRecord> accept(Viewer viewer, int version) {
        return consents.current(viewer.accountId())
                .flatMap(policy -> policy.version() == version
                        ? consents.accept(viewer.accountId(), version)
                        : Mono.error(new LinliException(ErrorCode.PRIVACY_POLICY_OUTDATED,
                        ErrorCode.PRIVACY_POLICY_OUTDATED.defaultMessage(),
                        java.util.Map.of("currentVersion", policy.version()), null)));
    }

    static LinliException required(int version) {
        return new LinliException(ErrorCode.PRIVACY_CONSENT_REQUIRED, ErrorCode.PRIVACY_CONSENT_REQUIRED.defaultMessage(),
                java.util.Map.of("policyVersion", version), null);
    }
}
