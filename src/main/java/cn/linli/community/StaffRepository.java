package cn.linli.community;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.linli.platform.graphql.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for staff appointments (community staff, their grid, street staff) and the viewer's scope they make up. */
@Repository
class StaffRepository {

    private static final String STAFF_SELECT = """
            select s.account_id as id, s.community_id, s.title, a.nickname
              from staff s join account a on a.id = s.account_id
            """;
    private static final String STREET_STAFF_SELECT = """
            select s.account_id as id, s.street_id, s.title, a.nickname
              from street_staff s join account a on a.id = s.account_id
            """;

    private final DatabaseClient db;

    StaffRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * What the viewer may see and do, read from the database on every request (never from the token), so a revoked
     * appointment stops working at once: their staff community, the communities of the street they oversee, and
     * their own households. One statement.
     */
    Mono<CommunityAccess.Scope> scopeOf(long accountId) {
        return db.sql("""
                        select (select community_id from staff where account_id = :id) as staff_community,
                               coalesce((select array_agg(c.id) from street_staff s join community c on c.street_id = s.street_id
                                          where s.account_id = :id), '{}') as street_communities,
                               coalesce((select array_agg(household_id) from household_member where account_id = :id),
                                        '{}') as households
                        """)
                .bind("id", accountId)
                .map(row -> new CommunityAccess.Scope(row.get("staff_community", Long.class),
                        Set.of(row.get("street_communities", Long[].class)), Set.of(row.get("households", Long[].class))))
                .one();
    }

    Flux<StaffMember> staffOfCommunities(Collection<Long> communityIds) {
        return db.sql(STAFF_SELECT + " where s.community_id = any(:ids) order by s.created_at, s.account_id")
                .bind("ids", Ids.array(communityIds))
                .mapProperties(StaffMember.class)
                .all();
    }

    Flux<StaffMember> staffByAccountIds(Collection<Long> accountIds) {
        return db.sql(STAFF_SELECT + " where s.account_id = any(:ids)")
                .bind("ids", Ids.array(accountIds))
                .mapProperties(StaffMember.class)
                .all();
    }

    Flux<StreetStaffMember> streetStaffOfStreets(Collection<Long> streetIds) {
        return db.sql(STREET_STAFF_SELECT + " where s.street_id = any(:ids) order by s.created_at, s.account_id")
                .bind("ids", Ids.array(streetIds))
                .mapProperties(StreetStaffMember.class)
                .all();
    }

    Mono<StreetStaffMember> streetStaffOf(long accountId) {
        return db.sql(STREET_STAFF_SELECT + " where s.account_id = :id")
                .bind("id", accountId)
                .mapProperties(StreetStaffMember.class)
                .one();
    }

    /** Grid buildings of these staff members, as (account, building) pairs. */
    Flux<GridRow> gridsOf(Collection<Long> accountIds) {
        return db.sql("""
                        select g.account_id, b.id, b.estate_id, b.community_id, b.name, b.retired_at
                          from staff_grid g join building b on b.id = g.building_id
                         where g.account_id = any(:ids)
                         order by g.account_id, length(b.name), b.name, b.id
                        """)
                .bind("ids", Ids.array(accountIds))
                .mapProperties(GridRow.class)
                .all();
    }

    record GridRow(long accountId, long id, long estateId, long communityId, String name, @Nullable Instant retiredAt) {

        Building building() {
            return new Building(id, estateId, communityId, name, retiredAt);
        }
    }

    /**
     * Serialises every appointment change of one account for the rest of the transaction, so two admins appointing the
     * same person at once (to a community and to a street, say) cannot both pass the one-appointment check.
     */
    Mono<Void> lockAppointmentsOf(long accountId) {
        return db.sql("select pg_advisory_xact_lock(hashtext('linli.staff'), cast(:id as integer))")
                .bind("id", (int) accountId)
                .then();
    }

    /** Inserts or changes the title; an existing row of ANOTHER community is left alone (the caller refused it). */
    Mono<Void> upsertStaff(long accountId, long communityId, String title) {
        return db.sql("""
                        insert into staff (account_id, community_id, title) values (:account, :community, :title)
                        on conflict (account_id) do update set title = excluded.title
                         where staff.community_id = excluded.community_id
                        """)
                .bind("account", accountId).bind("community", communityId).bind("title", title)
                .then();
    }

    /** The grid becomes exactly these buildings (the foreign keys refuse buildings of another community). */
    Mono<Void> replaceGrid(long accountId, long communityId, List<Long> buildingIds) {
        Mono<Void> clear = db.sql("delete from staff_grid where account_id = :account").bind("account", accountId).then();
        return clear.then(db.sql("""
                        insert into staff_grid (account_id, community_id, building_id)
                        select :account, :community, b from unnest(cast(:buildings as bigint[])) b
                        """)
                .bind("account", accountId).bind("community", communityId)
                .bind("buildings", buildingIds.toArray(Long[]::new))
                .then());
    }

    /** Ends the appointment; the grid goes with it (on delete cascade). */
    Mono<Void> deleteStaff(long accountId) {
        return db.sql("delete from staff where account_id = :id").bind("id", accountId).then();
    }

    Mono<Void> upsertStreetStaff(long accountId, long streetId, String title) {
        return db.sql("""
                        insert into street_staff (account_id, street_id, title) values (:account, :street, :title)
                        on conflict (account_id) do update set title = excluded.title
                         where street_staff.street_id = excluded.street_id
                        """)
                .bind("account", accountId).bind("street", streetId).bind("title", title)
                .then();
    }

    Mono<Void> deleteStreetStaff(long accountId) {
        return db.sql("delete from street_staff where account_id = :id").bind("id", accountId).then();
    }
}
