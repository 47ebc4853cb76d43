package cn.linli.partner;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reading applications: the applicant their own, a community's staff those asking their community. Nobody else gets
 * an application at all, which is what keeps its contact and licence photos to those people.
 */
@Service
class ApplicationQueries {

    private final ApplicationRepository applications;
    private final PartnerAccess access;
    private final PartnerService reads;

    ApplicationQueries(ApplicationRepository applications, PartnerAccess access, PartnerService reads) {
        this.applications = applications;
        this.access = access;
        this.reads = reads;
    }

    Mono<Connection<PartnerApplication>> mine(Viewer viewer, @Nullable Integer first, @Nullable String after) {
        return Mono.fromCallable(() -> PageRequest.of(first, after))
                .flatMap(page -> applications.ofApplicant(viewer.accountId(), page).collectList()
                        .map(rows -> Connection.of(rows, page, PartnerApplication::position)));
    }

    Mono<Connection<PartnerApplication>> ofCommunity(Viewer viewer, String communityId, @Nullable ApplicationStatus status,
                                                     @Nullable Integer first, @Nullable String after) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            return access.listApplications(viewer, community)
                    .then(applications.ofCommunity(community, status, page).collectList())
                    .map(rows -> Connection.of(rows, page, PartnerApplication::position));
        });
    }

    // ---- batched fields ----

    Mono<Map<Long, List<PartnerApplicationCommunity>>> communitiesOf(Collection<Long> applicationIds) {
        return applications.communitiesOf(applicationIds)
                .collect(Collectors.groupingBy(PartnerApplicationCommunity::applicationId));
    }

    /** Each application's categories, from one read of every category they name. */
    Mono<Map<PartnerApplication, List<ServiceCategory>>> categoriesOf(List<PartnerApplication> list) {
        List<Long> ids = list.stream().flatMap(a -> Arrays.stream(a.categoryIds())).distinct().toList();
        return reads.categoriesByIds(ids).map(byId -> {
            Map<PartnerApplication, List<ServiceCategory>> result = new HashMap<>();
            list.forEach(a -> result.put(a, Arrays.stream(a.categoryIds()).map(byId::get)
                    .filter(java.util.Objects::nonNull).toList()));
            return result;
        });
    }
}
