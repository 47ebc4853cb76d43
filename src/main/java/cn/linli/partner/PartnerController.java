package cn.linli.partner;

import java.util.List;
import java.util.Map;

import cn.linli.community.Community;
import cn.linli.community.CommunityService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import jakarta.validation.Valid;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings for partners, members, contracts and offerings. */
@Controller
class PartnerController {

    private final PartnerService service;
    private final PartnerOnboarding onboarding;
    private final OfferingService offerings;
    private final CommunityService communities;

    PartnerController(PartnerService service, PartnerOnboarding onboarding, OfferingService offerings,
                      CommunityService communities) {
        this.service = service;
        this.onboarding = onboarding;
        this.offerings = offerings;
        this.communities = communities;
    }

    /** Logged-in callers only (the viewer argument says so), as every query here. */
    @QueryMapping
    Mono<List<ServiceCategory>> serviceCategories(Viewer viewer) {
        return service.serviceCategories();
    }

    @QueryMapping
    Mono<Partner> partner(@Argument String id, Viewer viewer) {
        return Mono.defer(() -> service.findPartner(Ids.parse(id, "id")));
    }

    @QueryMapping
    Mono<Partner> myPartner(Viewer viewer, GraphQLContext context) {
        return service.myPartner(viewer, context);
    }

    @QueryMapping
    Mono<Connection<Offering>> offerings(@Argument String communityId, @Argument @Nullable String categoryCode,
                                         @Argument @Nullable Integer first, @Argument @Nullable String after,
                                         Viewer viewer) {
        return offerings.inCommunity(communityId, categoryCode, first, after);
    }

    @MutationMapping
    Mono<Partner> onboardPartner(@Argument @Valid PartnerInputs.OnboardPartnerInput input, Viewer viewer) {
        return onboarding.onboard(viewer, input);
    }

    @MutationMapping
    Mono<Partner> addPartnerMember(@Argument PartnerInputs.AddPartnerMemberInput input, Viewer viewer) {
        return onboarding.addMember(viewer, input);
    }

    @MutationMapping
    Mono<Partner> setPartnerOnline(@Argument PartnerInputs.SetPartnerOnlineInput input, Viewer viewer) {
        return onboarding.setOnline(viewer, input.online());
    }

    @MutationMapping
    Mono<Offering> createOffering(@Argument @Valid PartnerInputs.CreateOfferingInput input, Viewer viewer) {
        return offerings.create(viewer, input);
    }

    @MutationMapping
    Mono<Offering> updateOffering(@Argument @Valid PartnerInputs.UpdateOfferingInput input, Viewer viewer) {
        return offerings.update(viewer, input);
    }

    @BatchMapping(typeName = "Partner", field = "categories")
    Mono<Map<Partner, List<ServiceCategory>>> categoriesOfPartner(List<Partner> partners) {
        return Batches.many(partners, Partner::id, service::categoriesOfPartners);
    }

    @BatchMapping(typeName = "Partner", field = "offerings")
    Mono<Map<Partner, List<Offering>>> offeringsOfPartner(List<Partner> partners) {
        return Batches.many(partners, Partner::id, service::offeringsOfPartners);
    }

    @BatchMapping(typeName = "Partner", field = "contracts")
    Mono<Map<Partner, List<PartnerContract>>> contractsOfPartner(List<Partner> partners) {
        return Batches.many(partners, Partner::id, service::contractsOfPartners);
    }

    @BatchMapping(typeName = "Partner", field = "members")
    Mono<Map<Partner, List<PartnerMember>>> membersOfPartner(List<Partner> partners, GraphQLContext context) {
        // batch loaders get no custom argument resolvers: the viewer is read here, at the boundary, once per batch
        return Viewers.current().flatMap(viewer -> Batches.one(partners, Partner::id,
                ids -> service.membersVisibleTo(viewer, ids, context)));
    }

    @BatchMapping(typeName = "PartnerContract", field = "community")
    Mono<Map<PartnerContract, Community>> communityOfContract(List<PartnerContract> contracts) {
        return Batches.one(contracts, PartnerContract::communityId, communities::communitiesByIds);
    }

    @BatchMapping(typeName = "Offering", field = "partner")
    Mono<Map<Offering, Partner>> partnerOfOffering(List<Offering> offerings) {
        return Batches.one(offerings, Offering::partnerId, service::partnersByIds);
    }

    @BatchMapping(typeName = "Offering", field = "category")
    Mono<Map<Offering, ServiceCategory>> categoryOfOffering(List<Offering> offerings) {
        return Batches.one(offerings, Offering::categoryId, service::categoriesByIds);
    }
}
