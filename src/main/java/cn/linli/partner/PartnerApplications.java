package cn.linli.partner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.linli.audit.AuditAction;
import cn.linli.community.CommunityService;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person applies to become a partner serving some communities, and may withdraw while nothing is decided. One open
 * application per person (a partial unique index), so identical submissions at once leave exactly one.
 */
@Service
class PartnerApplications {

    private final ApplicationRepository applications;
    private final CategoryRepository categories;
    private final PartnerService reads;
    private final CommunityService communities;
    private final PhotoService photos;
    private final PartnerAudit audit;
    private final PartnerNotices notices;

    PartnerApplications(ApplicationRepository applications, CategoryRepository categories, PartnerService reads,
                        CommunityService communities, PhotoService photos, PartnerAudit audit, PartnerNotices notices) {
        this.applications = applications;
        this.categories = categories;
        this.reads = reads;
        this.communities = communities;
        this.photos = photos;
        this.audit = audit;
        this.notices = notices;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<PartnerApplication> apply(Viewer viewer, ApplicationInputs.ApplyAsPartnerInput input) {
        return Mono.defer(() -> {
            List<Long> communityIds = communityIds(input.communityIds());
            List<Long> photoIds = PhotoService.parse(input.licencePhotoIds(), "input.licencePhotoIds");
            return reads.membershipOf(viewer.accountId())
                    .flatMap(serving -> Mono.<Void>error(new LinliException(ErrorCode.ALREADY_PARTNER_MEMBER,
                            "你已是合伙人成员，不能再申请成为合伙人")))
                    .then(requireCommunities(communityIds))
                    .then(PartnerOnboarding.categoryIds(categories, input.categoryCodes(), "input.categoryCodes"))
                    .flatMap(categoryIds -> applications.insert(new ApplicationRepository.NewApplication(
                            viewer.accountId(), input.kind(), input.name(), input.description(), input.contactName(),
                            input.contactPhone(), categoryIds, photoIds)))
                    .switchIfEmpty(Mono.error(() -> new LinliException(ErrorCode.PARTNER_APPLICATION_PENDING)))
                    .flatMap(id -> applications.insertCommunities(id, communityIds)
                            .then(photos.attach(viewer.accountId(), photoIds, "input.licencePhotoIds"))
                            .then(applications.byIds(List.of(id)).single()))
                    .flatMap(application -> announce(viewer, application, communityIds).thenReturn(application));
        });
    }

    private Mono<Void> announce(Viewer viewer, PartnerApplication application, List<Long> communityIds) {
        return Flux.fromIterable(communityIds)
                .concatMap(communityId -> audit.application(viewer.accountId(), communityId, application.id(),
                        AuditAction.APPLIED, null, ApplicationStatus.PENDING, null))
                .then(notices.tellStaff(communityIds, application, "PARTNER_APPLIED", "新的合伙人申请"));
    }

    /** Takes back every community's request; PARTNER_APPLICATION_DECIDED once any community has decided. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<PartnerApplication> withdraw(Viewer viewer, ApplicationInputs.WithdrawPartnerApplicationInput input) {
        return Mono.defer(() -> applications.lock(Ids.parse(input.applicationId(), "input.applicationId")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("合伙人申请")))
                .flatMap(application -> applications.communitiesOf(List.of(application.id())).collectList()
                        .flatMap(requests -> withdraw(viewer, application, requests)))
                .flatMap(application -> applications.byIds(List.of(application.id())).single());
    }

    private Mono<PartnerApplication> withdraw(Viewer viewer, PartnerApplication application,
                                              List<PartnerApplicationCommunity> requests) {
        ApplicationLifecycle.checkWithdraw(requests.stream().map(PartnerApplicationCommunity::status).toList(),
                viewer.accountId() == application.applicantId()
                        ? ApplicationLifecycle.Actor.APPLICANT : ApplicationLifecycle.Actor.STAFF);
        List<Long> communityIds = requests.stream().map(PartnerApplicationCommunity::communityId).toList();
        return applications.withdraw(application.id())
                .then(applications.refreshOpen(application.id()))
                .thenMany(Flux.fromIterable(communityIds))
                .concatMap(communityId -> audit.application(viewer.accountId(), communityId, application.id(),
                        AuditAction.WITHDRAWN, ApplicationStatus.PENDING, ApplicationStatus.WITHDRAWN, null))
                .then(notices.tellStaff(communityIds, application, "PARTNER_APPLICATION_WITHDRAWN", "合伙人申请已撤回"))
                .thenReturn(application);
    }

    /** Every community exists and is in use: a retired community takes no new partners. */
    private Mono<Void> requireCommunities(List<Long> ids) {
        return communities.communitiesByIds(ids).flatMap(found -> {
            if (!found.keySet().containsAll(ids)) {
                return Mono.error(LinliException.invalid("input.communityIds", "社区不存在"));
            }
            boolean retired = found.values().stream().anyMatch(community -> community.retiredAt() != null);
            return retired ? Mono.error(LinliException.invalid("input.communityIds", "所选社区已停用")) : Mono.<Void>empty();
        });
    }

    private static List<Long> communityIds(List<String> raw) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : raw) {
            if (!ids.add(Ids.parse(id, "input.communityIds"))) {
                throw LinliException.invalid("input.communityIds", "同一个社区不能重复选择");
            }
        }
        return List.copyOf(ids);
    }
}
