package cn.linli.community;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of the community hierarchy and who may see what in it. The tree (street to unit, households' addresses) is
 * visible to any logged-in account, since residents pick their address from it; who lives in a household is visible
 * only to that household and to staff of its community.
 */
@Service
public class CommunityService {

    private final CommunityRepository repository;
    private final StaffRepository staff;
    private final CommunityAccess access;

    CommunityService(CommunityRepository repository, StaffRepository staff, CommunityAccess access) {
        this.repository = repository;
        this.staff = staff;
        this.access = access;
    }

    /** A page of communities: of one street, and/or whose name contains {@code search} (how newcomers find theirs). */
    Mono<Connection<Community>> communities(@Nullable Integer first, @Nullable String after, @Nullable String streetId,
                                            @Nullable String search, boolean includeRetired) {
        return Mono.defer(() -> {
            PageRequest page = PageRequest.of(first, after);
            Long street = Ids.parseOptional(streetId, "streetId");
            String pattern = LikePatterns.contains(search, "search");
            return repository.communities(page, street, pattern, includeRetired).collectList()
                    .map(rows -> Connection.of(rows, page, Community::position));
        });
    }

    Mono<List<Street>> streets(boolean includeRetired) {
        return repository.streets(includeRetired).collectList();
    }

    Mono<Community> community(String id) {
        return Mono.defer(() -> findCommunity(Ids.parse(id, "id")));
    }

    /** Every household of a community, for its staff, the street's staff, and administrators. */
    Mono<Connection<Household>> households(Viewer viewer, GraphQLContext context, String communityId,
                                           @Nullable Integer first, @Nullable String after, boolean includeRetired) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            return findCommunity(community)
                    .then(access.requireOverseerOf(viewer, community, context))
                    .then(repository.householdsOfCommunity(community, page, includeRetired).collectList())
                    .map(rows -> Connection.of(rows, page, Household::position));
        });
    }

    private Mono<Community> findCommunity(long id) {
        return repository.communitiesByIds(List.of(id)).next()
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("社区")));
    }

    /**
     * Fails with FORBIDDEN unless the viewer is staff of {@code communityId} or an administrator. Read from the database
     * per call, so a revoked appointment fails at once. Street staff do not pass: this guards changes (see
     * {@link CommunityAccess}); for reads use {@link #requireOverseerOf}.
     */
    public Mono<Void> requireStaffOf(Viewer viewer, long communityId) {
        return access.requireStaffOf(viewer, communityId, null);
    }

    /** Fails with FORBIDDEN unless the viewer is staff of the community, street staff of its street, or an administrator. */
    public Mono<Void> requireOverseerOf(Viewer viewer, long communityId) {
        return access.requireOverseerOf(viewer, communityId, null);
    }

    /** A place of any kind by id, retired or not (orders and history refer to retired ones); NOT_FOUND if none. */
    Mono<Place> place(PlaceKind kind, long id) {
        List<Long> ids = List.of(id);
        Flux<? extends Place> rows = switch (kind) {
            case STREET -> repository.streetsByIds(ids);
            case COMMUNITY -> repository.communitiesByIds(ids);
            case ESTATE -> repository.estatesByIds(ids);
            case BUILDING -> repository.buildingsByIds(ids);
            case UNIT -> repository.unitsByIds(ids);
            case HOUSEHOLD -> repository.householdsByIds(ids);
        };
        return rows.next().<Place>map(place -> place)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound(kind.displayName())));
    }

    // ---- batched reads: one statement per level, whatever the number of parents ----

    Mono<Map<Long, Street>> streets(Collection<Long> ids) {
        return repository.streetsByIds(ids).collectMap(Street::id);
    }

    public Mono<Map<Long, Community>> communitiesByIds(Collection<Long> ids) {
        return repository.communitiesByIds(ids).collectMap(Community::id);
    }

    Mono<Map<Long, List<Estate>>> estatesOfCommunities(Collection<Long> ids) {
        return group(repository.estatesByCommunityIds(ids), Estate::communityId);
    }

    Mono<Map<Long, Estate>> estatesByIds(Collection<Long> ids) {
        return repository.estatesByIds(ids).collectMap(Estate::id);
    }

    Mono<Map<Long, List<Building>>> buildingsOfEstates(Collection<Long> ids) {
        return group(repository.buildingsByEstateIds(ids), Building::estateId);
    }

    Mono<Map<Long, Building>> buildingsByIds(Collection<Long> ids) {
        return repository.buildingsByIds(ids).collectMap(Building::id);
    }

    Mono<Map<Long, List<Unit>>> unitsOfBuildings(Collection<Long> ids) {
        return group(repository.unitsByBuildingIds(ids), Unit::buildingId);
    }

    Mono<Map<Long, Unit>> unitsByIds(Collection<Long> ids) {
        return repository.unitsByIds(ids).collectMap(Unit::id);
    }

    Mono<Map<Long, List<Household>>> householdsOfUnits(Collection<Long> ids) {
        return group(repository.householdsByUnitIds(ids), Household::unitId);
    }

    Mono<Map<Long, Integer>> householdCounts(Collection<Long> communityIds) {
        return repository.householdCounts(communityIds)
                .collectMap(CommunityRepository.CountRow::id, row -> (int) row.count());
    }

    public Mono<Map<Long, List<StaffMember>>> staffOfCommunities(Collection<Long> communityIds) {
        return group(staff.staffOfCommunities(communityIds), StaffMember::communityId);
    }

    Mono<Map<Long, List<StreetStaffMember>>> staffOfStreets(Collection<Long> streetIds) {
        return group(staff.streetStaffOfStreets(streetIds), StreetStaffMember::streetId);
    }

    /** The grid (网格) buildings of these staff members, keyed by account id. */
    Mono<Map<Long, List<Building>>> gridsOf(Collection<Long> accountIds) {
        return staff.gridsOf(accountIds).collect(Collectors.groupingBy(StaffRepository.GridRow::accountId,
                Collectors.mapping(StaffRepository.GridRow::building, Collectors.toList())));
    }

    public Mono<Map<Long, Household>> householdsByIds(Collection<Long> ids) {
        return repository.householdsByIds(ids).collectMap(Household::id);
    }

    /** Households each account belongs to, keyed by account id. */
    public Mono<Map<Long, List<Household>>> householdsOfAccounts(Collection<Long> accountIds) {
        return repository.householdsOfAccounts(accountIds)
                .collect(Collectors.groupingBy(CommunityRepository.Membership::accountId,
                        Collectors.mapping(CommunityRepository.Membership::household, Collectors.toList())));
    }

    /** The staff record of each account that is staff somewhere, keyed by account id. */
    public Mono<Map<Long, StaffMember>> staffByAccounts(Collection<Long> accountIds) {
        return staff.staffByAccountIds(accountIds).collectMap(StaffMember::id);
    }

    /**
     * Members of the households the viewer may see into (their own, or any in the community they are staff of);
     * the others are left out of the map, which GraphQL shows as null.
     */
    Mono<Map<Household, List<Resident>>> membersVisibleTo(Viewer viewer, List<Household> households,
                                                          GraphQLContext context) {
        return access.membersVisible(viewer, households, context).flatMap(this::membersOf);
    }

    private Mono<Map<Household, List<Resident>>> membersOf(List<Household> households) {
        return repository.residentsOfHouseholds(households.stream().map(Household::id).toList())
                .collect(Collectors.groupingBy(Resident::householdId))
                .map(byHousehold -> households.stream().collect(Collectors.toMap(Function.identity(),
                        household -> byHousehold.getOrDefault(household.id(), List.of()))));
    }

    private static <K, V> Mono<Map<K, List<V>>> group(Flux<V> rows, Function<V, K> key) {
        return rows.collect(Collectors.groupingBy(key, Collectors.toList()));
    }
}
