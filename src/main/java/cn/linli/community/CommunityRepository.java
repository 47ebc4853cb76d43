package cn.linli.community;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;

import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for the community tree. Every "children of these parents" read takes all parent ids at once
 * ({@code = any(:ids)}), which is what lets the GraphQL layer batch each level into one statement.
 */
@Repository
class CommunityRepository {

    /** Household columns with its label (锦江苑 3栋2单元501) built in the same statement. */
    private static final String HOUSEHOLD_COLUMNS = """
            h.id, h.unit_id, h.community_id, h.room, h.created_at,
            e.name || ' ' || b.name || u.name || h.room as label
            """;
    private static final String HOUSEHOLD_FROM = """
              from household h
              join unit u on u.id = h.unit_id
              join building b on b.id = u.building_id
              join estate e on e.id = b.estate_id
            """;
    private static final String HOUSEHOLD_SELECT = "select " + HOUSEHOLD_COLUMNS + HOUSEHOLD_FROM;

    private final DatabaseClient db;

    CommunityRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Community> communities(PageRequest page, @Nullable Long streetId) {
        var spec = db.sql("""
                select id, street_id, name, address, created_at from community
                 where (cast(:streetId as bigint) is null or street_id = :streetId)
                   and (cast(:afterTime as timestamptz) is null or (created_at, id) > (:afterTime, :afterId))
                 order by created_at, id
                 limit :limit
                """);
        spec = bindNullable(spec, "streetId", streetId, Long.class);
        spec = bindKeyset(spec, page);
        return spec.bind("limit", page.limitPlusOne()).map(CommunityRepository::community).all();
    }

    Flux<Community> communitiesByIds(Collection<Long> ids) {
        return db.sql("select id, street_id, name, address, created_at from community where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .map(CommunityRepository::community)
                .all();
    }

    Flux<Street> streetsByIds(Collection<Long> ids) {
        return db.sql("select id, name from street where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .map(row -> new Street(row.get("id", Long.class), row.get("name", String.class)))
                .all();
    }

    Flux<Estate> estatesByCommunityIds(Collection<Long> communityIds) {
        return db.sql("select id, community_id, name from estate where community_id = any(:ids) order by name, id")
                .bind("ids", Ids.array(communityIds))
                .map(CommunityRepository::estate)
                .all();
    }

    Flux<Estate> estatesByIds(Collection<Long> ids) {
        return db.sql("select id, community_id, name from estate where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .map(CommunityRepository::estate)
                .all();
    }

    Flux<Building> buildingsByEstateIds(Collection<Long> estateIds) {
        return db.sql("""
                        select id, estate_id, community_id, name from building
                         where estate_id = any(:ids) order by length(name), name, id
                        """)
                .bind("ids", Ids.array(estateIds))
                .map(CommunityRepository::building)
                .all();
    }

    Flux<Building> buildingsByIds(Collection<Long> ids) {
        return db.sql("select id, estate_id, community_id, name from building where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .map(CommunityRepository::building)
                .all();
    }

    Flux<Unit> unitsByBuildingIds(Collection<Long> buildingIds) {
        return db.sql("""
                        select id, building_id, community_id, name from unit
                         where building_id = any(:ids) order by length(name), name, id
                        """)
                .bind("ids", Ids.array(buildingIds))
                .map(CommunityRepository::unit)
                .all();
    }

    Flux<Unit> unitsByIds(Collection<Long> ids) {
        return db.sql("select id, building_id, community_id, name from unit where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .map(CommunityRepository::unit)
                .all();
    }

    Flux<Household> householdsByUnitIds(Collection<Long> unitIds) {
        return db.sql(HOUSEHOLD_SELECT + " where h.unit_id = any(:ids) order by length(h.room), h.room, h.id")
                .bind("ids", Ids.array(unitIds))
                .map(CommunityRepository::household)
                .all();
    }

    Flux<Household> householdsByIds(Collection<Long> ids) {
        return db.sql(HOUSEHOLD_SELECT + " where h.id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .map(CommunityRepository::household)
                .all();
    }

    Flux<Household> householdsOfCommunity(long communityId, PageRequest page) {
        var spec = db.sql(HOUSEHOLD_SELECT + """
                 where h.community_id = :communityId
                   and (cast(:afterTime as timestamptz) is null or (h.created_at, h.id) > (:afterTime, :afterId))
                 order by h.created_at, h.id
                 limit :limit
                """);
        spec = bindKeyset(spec.bind("communityId", communityId), page);
        return spec.bind("limit", page.limitPlusOne()).map(CommunityRepository::household).all();
    }

    /** Households of these accounts, as (accountId, household) pairs. */
    Flux<Membership> householdsOfAccounts(Collection<Long> accountIds) {
        return db.sql("select m.account_id, " + HOUSEHOLD_COLUMNS + HOUSEHOLD_FROM + """
                  join household_member m on m.household_id = h.id
                 where m.account_id = any(:ids)
                 order by m.joined_at, h.id
                """)
                .bind("ids", Ids.array(accountIds))
                .map(row -> new Membership(row.get("account_id", Long.class), household(row)))
                .all();
    }

    record Membership(long accountId, Household household) {
    }

    Flux<Resident> residentsOfHouseholds(Collection<Long> householdIds) {
        return db.sql("""
                        select m.household_id, m.is_head, a.id, a.nickname, a.phone
                          from household_member m join account a on a.id = m.account_id
                         where m.household_id = any(:ids)
                         order by m.is_head desc, m.joined_at, a.id
                        """)
                .bind("ids", Ids.array(householdIds))
                .map(row -> new Resident(row.get("id", Long.class), row.get("household_id", Long.class),
                        row.get("nickname", String.class), row.get("phone", String.class),
                        Boolean.TRUE.equals(row.get("is_head", Boolean.class))))
                .all();
    }

    Flux<CountRow> householdCounts(Collection<Long> communityIds) {
        return db.sql("select community_id, count(*) as n from household where community_id = any(:ids) group by community_id")
                .bind("ids", Ids.array(communityIds))
                .map(row -> new CountRow(row.get("community_id", Long.class), row.get("n", Long.class)))
                .all();
    }

    record CountRow(long id, long count) {
    }

    Flux<StaffMember> staffOfCommunities(Collection<Long> communityIds) {
        return db.sql("""
                        select s.account_id, s.community_id, s.title, a.nickname
                          from staff s join account a on a.id = s.account_id
                         where s.community_id = any(:ids)
                         order by s.created_at, s.account_id
                        """)
                .bind("ids", Ids.array(communityIds))
                .map(CommunityRepository::staff)
                .all();
    }

    Flux<StaffMember> staffByAccountIds(Collection<Long> accountIds) {
        return db.sql("""
                        select s.account_id, s.community_id, s.title, a.nickname
                          from staff s join account a on a.id = s.account_id
                         where s.account_id = any(:ids)
                        """)
                .bind("ids", Ids.array(accountIds))
                .map(CommunityRepository::staff)
                .all();
    }

    /** What the viewer may see of households: their staff community (if any) and their own households. */
    Mono<Scope> scopeOf(long accountId) {
        return db.sql("""
                        select (select community_id from staff where account_id = :id) as staff_community,
                               coalesce((select array_agg(household_id) from household_member where account_id = :id),
                                        '{}') as households
                        """)
                .bind("id", accountId)
                .map(row -> new Scope(row.get("staff_community", Long.class),
                        java.util.Set.of(row.get("households", Long[].class))))
                .one();
    }

    record Scope(@Nullable Long staffCommunityId, java.util.Set<Long> householdIds) {
    }

    private static DatabaseClient.GenericExecuteSpec bindKeyset(DatabaseClient.GenericExecuteSpec spec, PageRequest page) {
        var after = page.after();
        spec = bindNullable(spec, "afterTime", after == null ? null : after.createdAt(), Instant.class);
        return bindNullable(spec, "afterId", after == null ? null : after.id(), Long.class);
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
                                                                     String name, @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Community community(Readable row) {
        return new Community(row.get("id", Long.class), row.get("street_id", Long.class), row.get("name", String.class),
                row.get("address", String.class), instant(row, "created_at"));
    }

    private static Estate estate(Readable row) {
        return new Estate(row.get("id", Long.class), row.get("community_id", Long.class), row.get("name", String.class));
    }

    private static Building building(Readable row) {
        return new Building(row.get("id", Long.class), row.get("estate_id", Long.class),
                row.get("community_id", Long.class), row.get("name", String.class));
    }

    private static Unit unit(Readable row) {
        return new Unit(row.get("id", Long.class), row.get("building_id", Long.class),
                row.get("community_id", Long.class), row.get("name", String.class));
    }

    private static Household household(Readable row) {
        return new Household(row.get("id", Long.class), row.get("unit_id", Long.class),
                row.get("community_id", Long.class), row.get("room", String.class), row.get("label", String.class),
                instant(row, "created_at"));
    }

    private static StaffMember staff(Readable row) {
        return new StaffMember(row.get("account_id", Long.class), row.get("community_id", Long.class),
                row.get("nickname", String.class), row.get("title", String.class));
    }

    static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }
}
