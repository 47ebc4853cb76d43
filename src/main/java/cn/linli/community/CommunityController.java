package cn.linli.community;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
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
                                            @Argument @Nullable String streetId, @Argument @Nullable String search,
                                            @Argument @Nullable Boolean includeRetired, Viewer viewer) {
        return service.communities(first, after, streetId, search, Boolean.TRUE.equals(includeRetired));
    }

    @QueryMapping
    Mono<List<Street>> streets(@Argument @Nullable Boolean includeRetired, Viewer viewer) {
        return service.streets(Boolean.TRUE.equals(includeRetired));
    }

    @QueryMapping
    Mono<Community> community(@Argument String id, Viewer viewer) {
        return service.community(id);
    }

    @QueryMapping
    Mono<Connection<Household>> households(@Argument String communityId, @Argument @Nullable Integer first,
                                           @Argument @Nullable String after, @Argument @Nullable Boolean includeRetired,
                                           Viewer viewer, GraphQLContext context) {
        return service.households(viewer, context, communityId, first, after, Boolean.TRUE.equals(includeRetired));
    }

    @BatchMapping(typeName = "Community", field = "street")
    Mono<Map<Community, Street>> streetOfCommunity(List<Community> communities) {
        return Batches.one(communities, Community::streetId, service::streets);
    }

    @SchemaMapping(typeName = "Community", field = "estates")
    CompletableFuture<List<Estate>> estatesOfCommunity(Community community, @Argument @Nullable Boolean includeRetired,
                                                       DataFetchingEnvironment env) {
        return TreeLoaders.children(env, TreeLoaders.ESTATES, community.id(), includeRetired);
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

    @SchemaMapping(typeName = "Estate", field = "buildings")
    CompletableFuture<List<Building>> buildingsOfEstate(Estate estate, @Argument @Nullable Boolean includeRetired,
                                                        DataFetchingEnvironment env) {
        return TreeLoaders.children(env, TreeLoaders.BUILDINGS, estate.id(), includeRetired);
    }

    @BatchMapping(typeName = "Building", field = "estate")
    Mono<Map<Building, Estate>> estateOfBuilding(List<Building> buildings) {
        return Batches.one(buildings, Building::estateId, service::estatesByIds);
    }

    @SchemaMapping(typeName = "Building", field = "units")
    CompletableFuture<List<Unit>> unitsOfBuilding(Building building, @Argument @Nullable Boolean includeRetired,
                                                  DataFetchingEnvironment env) {
        return TreeLoaders.children(env, TreeLoaders.UNITS, building.id(), includeRetired);
    }

    @BatchMapping(typeName = "Unit", field = "building")
    Mono<Map<Unit, Building>> buildingOfUnit(List<Unit> units) {
        return Batches.one(units, Unit::buildingId, service::buildingsByIds);
    }

    @SchemaMapping(typeName = "Unit", field = "households")
    CompletableFuture<List<Household>> householdsOfUnit(Unit unit, @Argument @Nullable Boolean includeRetired,
                                                        DataFetchingEnvironment env) {
        return TreeLoaders.children(env, TreeLoaders.HOUSEHOLDS, unit.id(), includeRetired);
    }

    @BatchMapping(typeName = "StaffMember", field = "grid")
    Mono<Map<StaffMember, List<Building>>> gridOfStaff(List<StaffMember> staff) {
        return Batches.many(staff, StaffMember::id, service::gridsOf);
    }

    @BatchMapping(typeName = "Street", field = "staff")
    Mono<Map<Street, List<StreetStaffMember>>> staffOfStreet(List<Street> streets) {
        return Batches.many(streets, Street::id, service::staffOfStreets);
    }

    @BatchMapping(typeName = "StreetStaffMember", field = "street")
    Mono<Map<StreetStaffMember, Street>> streetOfStreetStaff(List<StreetStaffMember> staff) {
        return Batches.one(staff, StreetStaffMember::streetId, service::streets);
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
