package cn.linli.partner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.linli.community.Community;
import cn.linli.community.CommunityService;
import cn.linli.photo.PhotoService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of partner applications (合伙人申请) and their per-community decisions. */
@Controller
class PartnerApplicationController {

    private final PartnerApplications applying;
    private final ApplicationDecisions decisions;
    private final ApplicationQueries queries;
    private final PartnerService partners;
    private final CommunityService communities;
    private final PhotoService photos;

    PartnerApplicationController(PartnerApplications applying, ApplicationDecisions decisions, ApplicationQueries queries,
                                 PartnerService partners, CommunityService communities, PhotoService photos) {
        this.applying = applying;
        this.decisions = decisions;
        this.queries = queries;
        this.partners = partners;
        this.communities = communities;
        this.photos = photos;
    }

    @QueryMapping
    Mono<Connection<PartnerApplication>> myPartnerApplications(@Argument @Nullable Integer first,
                                                               @Argument @Nullable String after, Viewer viewer) {
        return queries.mine(viewer, first, after);
    }

    @QueryMapping
    Mono<Connection<PartnerApplication>> partnerApplications(@Argument String communityId,
                                                             @Argument @Nullable ApplicationStatus status,
                                                             @Argument @Nullable Integer first,
                                                             @Argument @Nullable String after, Viewer viewer) {
        return queries.ofCommunity(viewer, communityId, status, first, after);
    }

    @MutationMapping
    Mono<PartnerApplication> applyAsPartner(@Argument @Valid ApplicationInputs.ApplyAsPartnerInput input, Viewer viewer) {
        return applying.apply(viewer, input);
    }

    @MutationMapping
    Mono<PartnerApplication> withdrawPartnerApplication(@Argument ApplicationInputs.WithdrawPartnerApplicationInput input,
                                                        Viewer viewer) {
        return applying.withdraw(viewer, input);
    }

    @MutationMapping
    Mono<PartnerApplication> approvePartnerApplication(
            @Argument @Valid ApplicationInputs.ApprovePartnerApplicationInput input, Viewer viewer) {
        return decisions.approve(viewer, input);
    }

    @MutationMapping
    Mono<PartnerApplication> rejectPartnerApplication(
            @Argument @Valid ApplicationInputs.RejectPartnerApplicationInput input, Viewer viewer) {
        return decisions.reject(viewer, input);
    }

    /** Signed links, made without a query: whoever got the application may see its licences. */
    @SchemaMapping(typeName = "PartnerApplication", field = "licencePhotoUrls")
    List<String> licencePhotoUrls(PartnerApplication application, GraphQLContext context) {
        return photos.urls(application.licencePhotos(), context);
    }

    @BatchMapping(typeName = "PartnerApplication", field = "categories")
    Mono<Map<PartnerApplication, List<ServiceCategory>>> categoriesOfApplication(List<PartnerApplication> list) {
        return queries.categoriesOf(list);
    }

    @BatchMapping(typeName = "PartnerApplication", field = "communities")
    Mono<Map<PartnerApplication, List<PartnerApplicationCommunity>>> communitiesOfApplication(
            List<PartnerApplication> list) {
        return Batches.many(list, PartnerApplication::id, queries::communitiesOf);
    }

    @BatchMapping(typeName = "PartnerApplication", field = "partner")
    Mono<Map<PartnerApplication, Partner>> partnerOfApplication(List<PartnerApplication> list) {
        List<Long> ids = list.stream().map(PartnerApplication::partnerId).filter(Objects::nonNull).distinct().toList();
        return partners.partnersByIds(ids).map(byId -> {
            Map<PartnerApplication, Partner> result = new HashMap<>();
            list.stream().filter(a -> a.partnerId() != null && byId.containsKey(a.partnerId()))
                    .forEach(a -> result.put(a, byId.get(a.partnerId())));
            return result;
        });
    }

    @BatchMapping(typeName = "PartnerApplicationCommunity", field = "community")
    Mono<Map<PartnerApplicationCommunity, Community>> communityOfRequest(List<PartnerApplicationCommunity> list) {
        return Batches.one(list, PartnerApplicationCommunity::communityId, communities::communitiesByIds);
    }
}
