package cn.linli.community;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.linli.platform.pagination.Connection;
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
    Mono<Connection<Community>> communities(@Argument @Nullable Integer first, @Argument @Nullable String after,
                                            @Argument @Nullable String streetId) {
        return service.communities(first, after, streetId);
    }

    @QueryMapping
    Mono<Community> community(@Argument String id) {
        return service.community(id);
    }

    @QueryMapping
    Mono<Connection<Household>> households(@Argument String communityId, @Argument @Nullable Integer first,
                                           @Argument @Nullable String after) {
        return service.households(communityId, first, after);
    }

    @BatchMapping(typeName = "Community", field = "street")
    Mono<Map<Community, Street>> streetOfCommunity(List<Community> communities) {
        return service.streets(ids(communities, Community::streetId))
                .map(byId -> index(communities, community -> byId.get(community.streetId())));
    }

    @BatchMapping(typeName = "Community", field = "estates")
    Mono<Map<Community, List<Estate>>> estatesOfCommunity(List<Community> communities) {
        return service.estatesOfCommunities(ids(communities, Community::id))
                .map(byId -> index(communities, community -> byId.getOrDefault(community.id(), List.of())));
    }

    @BatchMapping(typeName = "Community", field = "householdCount")
    Mono<Map<Community, Integer>> householdCountOfCommunity(List<Community> communities) {
        return service.householdCounts(ids(communities, Community::id))
                .map(byId -> index(communities, community -> byId.getOrDefault(community.id(), 0)));
    }

    @BatchMapping(typeName = "Community", field = "staff")
    Mono<Map<Community, List<StaffMember>>> staffOfCommunity(List<Community> communities) {
        return service.staffOfCommunities(ids(communities, Community::id))
                .map(byId -> index(communities, community -> byId.getOrDefault(community.id(), List.of())));
    }

    @BatchMapping(typeName = "Estate", field = "community")
    Mono<Map<Estate, Community>> communityOfEstate(List<Estate> estates) {
        return service.communitiesByIds(ids(estates, Estate::communityId))
                .map(byId -> index(estates, estate -> byId.get(estate.communityId())));
    }

    @BatchMapping(typeName = "Estate", field = "buildings")
    Mono<Map<Estate, List<Building>>> buildingsOfEstate(List<Estate> estates) {
        return service.buildingsOfEstates(ids(estates, Estate::id))
                .map(byId -> index(estates, estate -> byId.getOrDefault(estate.id(), List.of())));
    }

    @BatchMapping(typeName = "Building", field = "estate")
    Mono<Map<Building, Estate>> estateOfBuilding(List<Building> buildings) {
        return service.estatesByIds(ids(buildings, Building::estateId))
                .map(byId -> index(buildings, building -> byId.get(building.estateId())));
    }

    @BatchMapping(typeName = "Building", field = "units")
    Mono<Map<Building, List<Unit>>> unitsOfBuilding(List<Building> buildings) {
        return service.unitsOfBuildings(ids(buildings, Building::id))
                .map(byId -> index(buildings, building -> byId.getOrDefault(building.id(), List.of())));
    }

    @BatchMapping(typeName = "Unit", field = "building")
    Mono<Map<Unit, Building>> buildingOfUnit(List<Unit> units) {
        return service.buildingsByIds(ids(units, Unit::buildingId))
                .map(byId -> index(units, unit -> byId.get(unit.buildingId())));
    }

    @BatchMapping(typeName = "Unit", field = "households")
    Mono<Map<Unit, List<Household>>> householdsOfUnit(List<Unit> units) {
        return service.householdsOfUnits(ids(units, Unit::id))
                .map(byId -> index(units, unit -> byId.getOrDefault(unit.id(), List.of())));
    }

    @BatchMapping(typeName = "Household", field = "unit")
    Mono<Map<Household, Unit>> unitOfHousehold(List<Household> households) {
        return service.unitsByIds(ids(households, Household::unitId))
                .map(byId -> index(households, household -> byId.get(household.unitId())));
    }

    @BatchMapping(typeName = "Household", field = "community")
    Mono<Map<Household, Community>> communityOfHousehold(List<Household> households) {
        return service.communitiesByIds(ids(households, Household::communityId))
                .map(byId -> index(households, household -> byId.get(household.communityId())));
    }

    @BatchMapping(typeName = "Household", field = "members")
    Mono<Map<Household, List<Resident>>> membersOfHousehold(List<Household> households) {
        return service.membersVisibleToViewer(households);
    }

    private static <T> List<Long> ids(List<T> parents, Function<T, Long> id) {
        return parents.stream().map(id).distinct().toList();
    }

    /** Parent → value; parents whose value is missing are left out (GraphQL then reports the field as null). */
    private static <T, V> Map<T, V> index(List<T> parents, Function<T, @Nullable V> value) {
        return parents.stream()
                .filter(parent -> value.apply(parent) != null)
                .collect(Collectors.toMap(Function.identity(), parent -> java.util.Objects.requireNonNull(value.apply(parent)),
                        (a, b) -> a));
    }
}
