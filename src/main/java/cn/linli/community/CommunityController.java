package cn.linli.community;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of the community tree. Every nested field is a {@code @BatchMapping}: one statement per level. */
@Controller
class CommunityController {

    private final CommunityService service;

    CommunityController(CommunityService service) {
        this.service = service;
    }

    @QueryMapping
    /** Logged-in callers only (the viewer argument says so). */
    Mono<Connection<Community>> communities(@Argument @Nullable Integer first, @Argument @Nullable String after,
                                            @Argument @Nullable String streetId, Viewer viewer) {
        return service.communities(first, after, streetId);
    }

    @QueryMapping
    Mono<Community> community(@Argument String id, Viewer viewer) {
        return service.community(id);
    }

    @QueryMapping
    Mono<Connection<Household>> households(@Argument String communityId, @Argument @Nullable Integer first,
                                           @Argument @Nullable String after, Viewer viewer, GraphQLContext context) {
        return service.households(viewer, context, communityId, first, after);
    }

    @BatchMapping(typeName = "Community", field = "street")
    Mono<Map<Community, Street>> streetOfCommunity(List<Community> communities) {
        return Batches.one(communities, Community::streetId, service::streets);
    }

    @BatchMapping(typeName = "Community", field = "estates")
    Mono<Map<Community, List<Estate>>> estatesOfCommunity(List<Community> communities) {
        return Batches.many(communities, Community::id, service::estatesOfCommunities);
    }

    @BatchMapping(typeName = "Community", field = "householdCount")
    Mono<Map<Community, Integer>> householdCountOfCommunity(List<Community> communities) {
        return service.householdCounts(communities.stream().map(Community::id).toList())
                .map(byId -> communities.stream().collect(Collectors.toMap(Function.identity(),
                        community -> byId.getOrDefault(community.id(), 0), (a, b) -> a)));
    }

    @BatchMapping(typeName = "Community", field = "staff")
    Mono<Map<Community, List<StaffMember>>> staffOfCommunity(List<Community> communities) {
        return Batches.many(communities, Community::id, service::staffOfCommunities);
    }

    @BatchMapping(typeName = "Estate", field = "community")
    Mono<Map<Estate, Community>> communityOfEstate(List<Estate> estates) {
        return Batches.one(estates, Estate::communityId, service::communitiesByIds);
    }

    @BatchMapping(typeName = "Estate", field = "buildings")
    Mono<Map<Estate, List<Building>>> buildingsOfEstate(List<Estate> estates) {
        return Batches.many(estates, Estate::id, service::buildingsOfEstates);
    }

    @BatchMapping(typeName = "Building", field = "estate")
    Mono<Map<Building, Estate>> estateOfBuilding(List<Building> buildings) {
        return Batches.one(buildings, Building::estateId, service::estatesByIds);
    }

    @BatchMapping(typeName = "Building", field = "units")
    Mono<Map<Building, List<Unit>>> unitsOfBuilding(List<Building> buildings) {
        return Batches.many(buildings, Building::id, service::unitsOfBuildings);
    }

    @BatchMapping(typeName = "Unit", field = "building")
    Mono<Map<Unit, Building>> buildingOfUnit(List<Unit> units) {
        return Batches.one(units, Unit::buildingId, service::buildingsByIds);
    }

    @BatchMapping(typeName = "Unit", field = "households")
    Mono<Map<Unit, List<Household>>> householdsOfUnit(List<Unit> units) {
        return Batches.many(units, Unit::id, service::householdsOfUnits);
    }

    @BatchMapping(typeName = "Household", field = "unit")
    Mono<Map<Household, Unit>> unitOfHousehold(List<Household> households) {
        return Batches.one(households, Household::unitId, service::unitsByIds);
    }

    @BatchMapping(typeName = "Household", field = "community")
    Mono<Map<Household, Community>> communityOfHousehold(List<Household> households) {
        return Batches.one(households, Household::communityId, service::communitiesByIds);
    }

    @BatchMapping(typeName = "Household", field = "members")
    Mono<Map<Household, List<Resident>>> membersOfHousehold(List<Household> households, GraphQLContext context) {
        // batch loaders get no custom argument resolvers: the viewer is read here, at the boundary, once per batch
        return Viewers.current().flatMap(viewer -> service.membersVisibleTo(viewer, households, context));
    }
}
