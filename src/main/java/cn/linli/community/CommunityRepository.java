package cn.linli.community;

import java.time.Instant;
import java.util.Collection;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * SQL for the community tree. Every "children of these parents" read takes all parent ids at once
 * ({@code = any(:ids)}), which is what lets the GraphQL layer batch each level into one statement.
 */
@Repository
class CommunityRepository {

    /** Household columns with its label (锦江苑 3栋2单元501) built in the same statement. */
    private static final String HOUSEHOLD_COLUMNS = """
            h.id, h.unit_id, h.community_id, h.room, h.created_at, h.retired_at,
            %s as label
            """.formatted(Household.LABEL_SQL);
    private static final String HOUSEHOLD_FROM = """
              from household h
              join unit u on u.id = h.unit_id
              join building b on b.id = u.building_id
              join estate e on e.id = b.estate_id
            """;
    private static final String HOUSEHOLD_SELECT = "select " + HOUSEHOLD_COLUMNS + HOUSEHOLD_FROM;

    private final DatabaseClient db;

    private final PersonalDataCipher cipher;

    CommunityRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /**
     * A page of communities, optionally of one street and/or whose name contains {@code search} (already a LIKE
     * pattern with its wildcards escaped, see {@link LikePatterns}).
     */
    Flux<Community> communities(PageRequest page, @Nullable Long streetId, @Nullable String search,
                                boolean includeRetired) {
        var spec = db.sql("""
                select id, street_id, name, address, created_at, retired_at from community
                 where (cast(:streetId as bigint) is null or street_id = :streetId)
                   and (cast(:search as text) is null or name ilike :search escape '\\')
                   and (:includeRetired or retired_at is null)
                   and """ + PageRequest.after("") + """
                 order by created_at, id
                 limit :limit
                """)
                .bind("streetId", Binds.nullable(streetId, Long.class))
                .bind("search", Binds.nullable(search, String.class))
                .bind("includeRetired", includeRetired);
        return page.bind(spec).mapProperties(Community.class).all();
    }

    Flux<Street> streets(boolean includeRetired) {
        return db.sql("select id, name, retired_at from street where :includeRetired or retired_at is null order by id")
                .bind("includeRetired", includeRetired)
                .mapProperties(Street.class)
                .all();
    }

    Flux<Community> communitiesByIds(Collection<Long> ids) {
        return db.sql("select id, street_id, name, address, created_at, retired_at from community where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .mapProperties(Community.class)
                .all();
    }

    Flux<Street> streetsByIds(Collection<Long> ids) {
        return db.sql("select id, name, retired_at from street where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .mapProperties(Street.class)
                .all();
    }

    Flux<Estate> estatesByCommunityIds(Collection<Long> communityIds) {
        return db.sql("select id, community_id, name, retired_at from estate where community_id = any(:ids) order by name, id")
                .bind("ids", Ids.array(communityIds))
                .mapProperties(Estate.class)
                .all();
    }

    Flux<Estate> estatesByIds(Collection<Long> ids) {
        return db.sql("select id, community_id, name, retired_at from estate where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .mapProperties(Estate.class)
                .all();
    }

    Flux<Building> buildingsByEstateIds(Collection<Long> estateIds) {
        return db.sql("""
                        select id, estate_id, community_id, name, retired_at from building
                         where estate_id = any(:ids) order by length(name), name, id
                        """)
                .bind("ids", Ids.array(estateIds))
                .mapProperties(Building.class)
                .all();
    }

    Flux<Building> buildingsByIds(Collection<Long> ids) {
        return db.sql("select id, estate_id, community_id, name, retired_at from building where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .mapProperties(Building.class)
                .all();
    }

    Flux<Unit> unitsByBuildingIds(Collection<Long> buildingIds) {
        return db.sql("""
                        select id, building_id, community_id, name, retired_at from unit
                         where building_id = any(:ids) order by length(name), name, id
                        """)
                .bind("ids", Ids.array(buildingIds))
                .mapProperties(Unit.class)
                .all();
    }

    Flux<Unit> unitsByIds(Collection<Long> ids) {
        return db.sql("select id, building_id, community_id, name, retired_at from unit where id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .mapProperties(Unit.class)
                .all();
    }

    Flux<Household> householdsByUnitIds(Collection<Long> unitIds) {
        return db.sql(HOUSEHOLD_SELECT + " where h.unit_id = any(:ids) order by length(h.room), h.room, h.id")
                .bind("ids", Ids.array(unitIds))
                .mapProperties(Household.class)
                .all();
    }

    Flux<Household> householdsByIds(Collection<Long> ids) {
        return db.sql(HOUSEHOLD_SELECT + " where h.id = any(:ids)")
                .bind("ids", Ids.array(ids))
                .mapProperties(Household.class)
                .all();
    }

    Flux<Household> householdsOfCommunity(long communityId, PageRequest page, boolean includeRetired) {
        var spec = db.sql(HOUSEHOLD_SELECT + """
                 where h.community_id = :communityId
                   and (:includeRetired or h.retired_at is null)
                   and """ + PageRequest.after("h.") + """
                 order by h.created_at, h.id
                 limit :limit
                """).bind("communityId", communityId).bind("includeRetired", includeRetired);
        return page.bind(spec).mapProperties(Household.class).all();
    }

    /** Households of these accounts, as (accountId, household) pairs. */
    Flux<Membership> householdsOfAccounts(Collection<Long> accountIds) {
        return db.sql("select m.account_id, " + HOUSEHOLD_COLUMNS + HOUSEHOLD_FROM + """
                  join household_member m on m.household_id = h.id
                 where m.account_id = any(:ids)
                 order by m.joined_at, h.id
                """)
                .bind("ids", Ids.array(accountIds))
                .mapProperties(Membership.class)
                .all();
    }

    /** A household with the account that belongs to it, as one row. */
    record Membership(long accountId, long id, long unitId, long communityId, String room, String label,
                      Instant createdAt, @Nullable Instant retiredAt) {

        Household household() {
            return new Household(id, unitId, communityId, room, label, createdAt, retiredAt);
        }
    }

    Flux<Resident> residentsOfHouseholds(Collection<Long> householdIds) {
        return db.sql("""
                        select m.household_id, m.is_head, a.id, a.nickname, a.phone
                          from household_member m join account a on a.id = m.account_id
                         where m.household_id = any(:ids)
                         order by m.is_head desc, m.joined_at, a.id
                        """)
                .bind("ids", Ids.array(householdIds))
                .mapProperties(Resident.class)
                .all()
                .map(sealed -> new Resident(sealed.id(), sealed.householdId(), sealed.nickname(),
                        cipher.open(sealed.phone()), sealed.isHead()));
    }

    /** Households in use (retired ones are no longer registered addresses). */
    Flux<CountRow> householdCounts(Collection<Long> communityIds) {
        return db.sql("""
                        select community_id as id, count(*) as count from household
                         where community_id = any(:ids) and retired_at is null group by community_id
                        """)
                .bind("ids", Ids.array(communityIds))
                .mapProperties(CountRow.class)
                .all();
    }

    record CountRow(long id, long count) {
    }
}
