package cn.linli.privacy;

import java.util.Optional;

import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of the privacy policy and consent, personal data, data accesses and account deletion. */
@Controller
class PrivacyController {

    private final PrivacyConsent consent;
    private final PersonalDataExport export;
    private final DataAccessRepository accesses;
    private final AccountDeletions deletions;

    PrivacyController(PrivacyConsent consent, PersonalDataExport export, DataAccessRepository accesses,
                      AccountDeletions deletions) {
        this.consent = consent;
        this.export = export;
        this.accesses = accesses;
        this.deletions = deletions;
    }

    /** Anonymous callers read it too (the mini-program shows it before login); account 0 never accepted anything. */
    @QueryMapping
    Mono<PrivacyPolicy> privacyPolicy(Optional<Viewer> viewer) {
        return consent.current(viewer.map(Viewer::accountId).orElse(0L));
    }

    @MutationMapping
    Mono<PrivacyConsentRecord> acceptPrivacyPolicy(@Argument @Valid PrivacyInputs.AcceptPrivacyPolicyInput input,
                                                   Viewer viewer) {
        return consent.accept(viewer, input.version());
    }

    @QueryMapping
    Mono<PersonalData> myPersonalData(Viewer viewer) {
        return export.of(viewer);
    }

    @QueryMapping
    Mono<Connection<DataAccess>> myDataAccesses(@Argument @Nullable Integer first, @Argument @Nullable String after,
                                                Viewer viewer) {
        return Mono.fromCallable(() -> PageRequest.of(first, after))
                .flatMap(page -> accesses.about(viewer.accountId(), page).collectList()
                        .map(rows -> Connection.of(rows, page, DataAccess::position)));
    }

    @QueryMapping
    Mono<AccountDeletion> myAccountDeletion(Viewer viewer) {
        return deletions.latest(viewer);
    }

    @MutationMapping
    Mono<AccountDeletion> requestAccountDeletion(@Argument PrivacyInputs.RequestAccountDeletionInput input, Viewer viewer) {
        return deletions.request(viewer, input.confirm());
    }

    @MutationMapping
    Mono<AccountDeletion> cancelAccountDeletion(@Argument @Valid PrivacyInputs.CancelAccountDeletionInput input,
                                                Viewer viewer) {
        return deletions.cancel(viewer, input.deletionId());
    }
}
