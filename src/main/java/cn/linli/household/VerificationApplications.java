package cn.linli.household;

import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.household.HouseholdInputs.RequestHouseholdVerificationInput;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * The applicant's side of 房屋认证: asking to join a household, and taking the request back while it waits. Each is
 * one transaction with its audit entry and the approvers' notice.
 */
@Service
class VerificationApplications {

    private final VerificationRepository requests;
    private final MembershipRepository members;
    private final HouseholdPolicy policy;
    private final HouseholdNotices notices;
    private final PhotoService photos;
    private final AuditLog audit;

    VerificationApplications(VerificationRepository requests, MembershipRepository members, HouseholdPolicy policy,
                             HouseholdNotices notices, PhotoService photos, AuditLog audit) {
        this.requests = requests;
        this.members = members;
        this.policy = policy;
        this.notices = notices;
        this.photos = photos;
        this.audit = audit;
    }

    /**
     * A retired household, or one the person already belongs to, is refused; a second request while one waits is
     * VERIFICATION_ALREADY_PENDING (the database's partial unique index decides between concurrent ones).
     */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<VerificationRequest> apply(Viewer viewer, RequestHouseholdVerificationInput input) {
        return Mono.defer(() -> {
            long householdId = Ids.parse(input.householdId(), "input.householdId");
            Long photo = Ids.parseOptional(input.proofPhotoId(), "input.proofPhotoId");
            return members.state(householdId)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("房屋")))
                    .flatMap(household -> admissible(household, viewer.accountId())
                            .then(photos.attach(viewer.accountId(), photo, "input.proofPhotoId"))
                            .then(insert(householdId, viewer.accountId(), input, photo))
                            .flatMap(request -> applied(request, household)));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<VerificationRequest> withdraw(Viewer viewer, String requestId) {
        return Mono.defer(() -> requests.find(Ids.parse(requestId, "input.requestId")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("认证申请")))
                .flatMap(request -> policy.parties(viewer, request)
                        .map(parties -> VerificationLifecycle.check(VerificationAction.WITHDRAW, request.status(), parties))
                        .flatMap(to -> requests.transition(request.id(),
                                VerificationLifecycle.sourcesOf(VerificationAction.WITHDRAW), to, viewer.accountId(), null))
                        .switchIfEmpty(Mono.defer(() -> lostRace(requests, request.id()))))
                .flatMap(this::withdrawn);
    }

    private Mono<Void> admissible(HouseholdState household, long applicantId) {
        if (household.retired()) {
            return Mono.error(MembershipRules.retired());
        }
        return members.member(household.id(), applicantId)
                .flatMap(member -> Mono.<Void>error(MembershipRules.alreadyMember()));
    }

    private Mono<VerificationRequest> insert(long householdId, long applicantId, RequestHouseholdVerificationInput input,
                                             @Nullable Long photo) {
        var row = new VerificationRepository.NewRequest(householdId, applicantId, input.relation(), input.realName(), photo);
        return requests.insert(row).switchIfEmpty(Mono.defer(() -> alreadyPending(householdId, applicantId)));
    }

    private Mono<VerificationRequest> alreadyPending(long householdId, long applicantId) {
        return requests.findPending(householdId, applicantId)
                .map(pending -> Map.<String, Object>of("verificationRequestId", String.valueOf(pending.id())))
                .defaultIfEmpty(Map.of())
                .flatMap(extensions -> Mono.error(new LinliException(ErrorCode.VERIFICATION_ALREADY_PENDING,
                        ErrorCode.VERIFICATION_ALREADY_PENDING.defaultMessage(), extensions, null)));
    }

    private Mono<VerificationRequest> applied(VerificationRequest request, HouseholdState household) {
        return audit.record(new AuditChange(request.applicantId(), request.communityId(), AuditSubject.VERIFICATION,
                        request.id(), AuditAction.APPLIED, null, summary(request)))
                .then(notices.requested(request, household))
                .thenReturn(request);
    }

    private Mono<VerificationRequest> withdrawn(VerificationRequest request) {
        return audit.record(new AuditChange(request.applicantId(), request.communityId(), AuditSubject.VERIFICATION,
                        request.id(), AuditAction.WITHDRAWN, Map.of("status", VerificationStatus.PENDING.name()),
                        summary(request)))
                .then(members.state(request.householdId()))
                .flatMap(household -> notices.withdrawn(request, household))
                .thenReturn(request);
    }

    /** Another transition committed between our read and our update: tell the caller where the request stands now. */
    static Mono<VerificationRequest> lostRace(VerificationRepository requests, long requestId) {
        return requests.find(requestId).flatMap(now -> Mono.error(VerificationLifecycle.invalidTransition(now.status())));
    }

    /** What the audit keeps of a request: never the applicant's name, phone or photo. */
    static Map<String, Object> summary(VerificationRequest request) {
        return Map.of("householdId", request.householdId(), "applicantId", request.applicantId(),
                "relation", request.relation().name(), "status", request.status().name());
    }
}
