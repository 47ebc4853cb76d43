package cn.linli.partner;

import java.util.Arrays;
import java.util.List;

import cn.linli.audit.AuditAction;
import cn.linli.identity.IdentityService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Each requested community's staff approve (with a contract) or reject (with a reason), independently and once. The
 * application row is locked first, so two communities approving at once take turns: the first creates the partner
 * (the applicant its admin), the second finds it and adds its contract. A racing repeat of one decision finds the
 * request decided (PARTNER_APPLICATION_DECIDED) and the guarded update makes sure it changes nothing.
 */
@Service
class ApplicationDecisions {

    private final ApplicationRepository applications;
    private final PartnerRepository partners;
    private final PartnerAccess access;
    private final PartnerFounding founding;
    private final IdentityService identity;
    private final PartnerAudit audit;
    private final PartnerNotices notices;

    ApplicationDecisions(ApplicationRepository applications, PartnerRepository partners, PartnerAccess access,
                         PartnerFounding founding, IdentityService identity, PartnerAudit audit, PartnerNotices notices) {
        this.applications = applications;
        this.partners = partners;
        this.access = access;
        this.founding = founding;
        this.identity = identity;
        this.audit = audit;
        this.notices = notices;
    }

    /** One request being decided: the locked application and that community's part of it. */
    private record Deciding(PartnerApplication application, long communityId, ApplicationStatus status, long actorId) {
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<PartnerApplication> approve(Viewer viewer, ApplicationInputs.ApprovePartnerApplicationInput input) {
        return Mono.defer(() -> {
            ContractPeriod period = input.period();
            return lockRequest(viewer, input.applicationId(), input.communityId(), ApplicationLifecycle.Action.APPROVE)
                    .flatMap(d -> contractFor(d, period, input.capacity())
                            .flatMap(contractId -> record(d, ApplicationLifecycle.Action.APPROVE, null, contractId))
                            .then(notices.tellApplicant(d.application(), "PARTNER_APPLICATION_APPROVED",
                                    "合伙人申请已通过", d.application().name())))
                    .then(reread(input.applicationId()));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<PartnerApplication> reject(Viewer viewer, ApplicationInputs.RejectPartnerApplicationInput input) {
        return lockRequest(viewer, input.applicationId(), input.communityId(), ApplicationLifecycle.Action.REJECT)
                .flatMap(d -> record(d, ApplicationLifecycle.Action.REJECT, input.reason(), null)
                        .then(notices.tellApplicant(d.application(), "PARTNER_APPLICATION_REJECTED",
                                "合伙人申请未通过", input.reason())))
                .then(reread(input.applicationId()));
    }

    /** Locks the application, finds the community's request, and asks the lifecycle whether this viewer may act. */
    private Mono<Deciding> lockRequest(Viewer viewer, String rawApplicationId, String rawCommunityId,
                                       ApplicationLifecycle.Action action) {
        return Mono.defer(() -> {
            long applicationId = Ids.parse(rawApplicationId, "input.applicationId");
            long communityId = Ids.parse(rawCommunityId, "input.communityId");
            return applications.lock(applicationId)
                    .flatMap(application -> applications.communitiesOf(List.of(applicationId))
                            .filter(request -> request.communityId() == communityId).next()
                            .map(request -> new Deciding(application, communityId, request.status(), viewer.accountId())))
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("合伙人申请")))
                    .flatMap(d -> access.decider(viewer, d.application(), communityId)
                            .doOnNext(actor -> ApplicationLifecycle.check(d.status(), action, actor))
                            .thenReturn(d));
        });
    }

    /** The first approval creates the partner and makes the applicant its admin; later ones add a contract. */
    private Mono<Long> contractFor(Deciding d, ContractPeriod period, int capacity) {
        PartnerApplication a = d.application();
        if (a.partnerId() != null) {
            return partners.raiseCapacity(a.partnerId(), capacity)
                    .then(founding.contract(a.partnerId(), d.communityId(), period, capacity, d.actorId()));
        }
        var partner = new PartnerFounding.NewPartner(a.name(), a.kind(), a.description(), a.contactPhone(), capacity,
                Arrays.asList(a.categoryIds()));
        return founding.found(partner, d.communityId(), period, capacity, d.actorId())
                .flatMap(founded -> join(d, founded.partnerId()).thenReturn(founded.contractId()));
    }

    /** The applicant becomes the new partner's admin: they asked for it, so no invitation is needed. */
    private Mono<Void> join(Deciding d, long partnerId) {
        PartnerApplication a = d.application();
        return applications.setPartner(a.id(), partnerId)
                .then(partners.addMember(partnerId, a.applicantId(), MemberRole.ADMIN))
                .flatMap(added -> added ? identity.grantRole(a.applicantId(), Role.PARTNER)
                        : Mono.error(new LinliException(ErrorCode.ALREADY_PARTNER_MEMBER,
                                "申请人已加入其他合伙人，请拒绝此申请")))
                .then(audit.member(d.actorId(), d.communityId(), partnerId, AuditAction.JOINED,
                        a.applicantId(), null, MemberRole.ADMIN));
    }

    private Mono<Void> record(Deciding d, ApplicationLifecycle.Action action, @Nullable String reason,
                              @Nullable Long contractId) {
        long applicationId = d.application().id();
        return applications.decide(applicationId, d.communityId(), action, d.actorId(), reason, contractId)
                .flatMap(decided -> decided ? applications.refreshOpen(applicationId)
                        : Mono.error(ApplicationLifecycle.decided()))
                .then(audit.application(d.actorId(), d.communityId(), applicationId,
                        action == ApplicationLifecycle.Action.APPROVE ? AuditAction.APPROVED : AuditAction.REJECTED,
                        ApplicationStatus.PENDING, action.to(), reason));
    }

    private Mono<PartnerApplication> reread(String rawApplicationId) {
        return applications.byIds(List.of(Ids.parse(rawApplicationId, "input.applicationId"))).single();
    }
}
