package cn.linli.partner;

import java.util.List;
import java.util.Map;

import cn.linli.community.Community;
import cn.linli.community.CommunityService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
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
    private final CommunityService communities;

    PartnerController(PartnerService service, CommunityService communities) {
        this.service = service;
        this.communities = communities;
    }

    @QueryMapping
    Mono<List<ServiceCategory>> serviceCategories() {
        return service.serviceCategories();
    }

    @QueryMapping
    Mono<Partner> partner(@Argument String id) {
        return service.partner(id);
    }

    @QueryMapping
    Mono<Partner> myPartner() {
        return service.myPartner();
    }

    @QueryMapping
    Mono<Connection<Offering>> offerings(@Argument String communityId, @Argument @Nullable String categoryCode,
                                         @Argument @Nullable Integer first, @Argument @Nullable String after) {
        return service.offerings(communityId, categoryCode, first, after);
    }

    @MutationMapping
    Mono<Partner> onboardPartner(@Argument PartnerInputs.OnboardPartnerInput input) {
        return service.onboard(input);
    }

    @MutationMapping
    Mono<Partner> addPartnerMember(@Argument PartnerInputs.AddPartnerMemberInput input) {
        return service.addPartnerMember(input);
    }

    @MutationMapping
    Mono<Partner> setPartnerOnline(@Argument PartnerInputs.SetPartnerOnlineInput input) {
        return service.setOnline(input.online());
    }

    @MutationMapping
    Mono<Offering> createOffering(@Argument PartnerInputs.CreateOfferingInput input) {
        return service.createOffering(input);
    }

    @MutationMapping
    Mono<Offering> updateOffering(@Argument PartnerInputs.UpdateOfferingInput input) {
        return service.updateOffering(input);
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
    Mono<Map<Partner, List<PartnerMember>>> membersOfPartner(List<Partner> partners) {
        return Batches.one(partners, Partner::id, service::membersVisibleToViewer);
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
