package cn.linli.household;

import java.util.Collection;

import cn.linli.platform.graphql.Ids;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of household membership ({@code household_member}). Changes first lock the household's row
 * ({@link #lockedState}), so two changes to one household's membership never interleave.
 */
@Repository
class MembershipRepository {

    /** Rows written without a relation (seed data) derive it from is_head. */
    private static final String MEMBER = """
            select household_id, account_id, is_head, joined_at,
                   coalesce(relation, case when is_head then 'HEAD' else 'FAMILY' end) as relation
              from household_member
            """;

    private final DatabaseClient db;

    MembershipRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<HouseholdState> state(long householdId) {
        return db.sql("""
                        select h.id, h.community_id, h.retired_at,
                               (select m.account_id from household_member m where m.household_id = h.id and m.is_head) as head_id
                          from household h where h.id = :id
                        """).bind("id", householdId).mapProperties(HouseholdState.class).one();
    }

    /** The household's state, its row locked for the rest of the transaction (membership changes queue on it). */
    Mono<HouseholdState> lockedState(long householdId) {
        return db.sql("select id from household where id = :id for no key update").bind("id", householdId)
                .map(row -> row.get("id", Long.class)).one()
                .then(state(householdId));
    }

    Flux<Member> members(long householdId) {
        return db.sql(MEMBER + " where household_id = :id order by is_head desc, joined_at, account_id")
                .bind("id", householdId).mapProperties(Member.class).all();
    }

    /** Memberships of these households (to answer {@code Resident.relation} for many residents at once). */
    Flux<Member> membersOf(Collection<Long> householdIds) {
        return db.sql(MEMBER + " where household_id = any(:ids)")
                .bind("ids", Ids.array(householdIds)).mapProperties(Member.class).all();
    }

    Mono<Member> member(long householdId, long accountId) {
        return db.sql(MEMBER + " where household_id = :h and account_id = :a")
                .bind("h", householdId).bind("a", accountId).mapProperties(Member.class).one();
    }

    Mono<Boolean> isHead(long householdId, long accountId) {
        return db.sql("select exists (select 1 from household_member where household_id = :h and account_id = :a and is_head) as head")
                .bind("h", householdId).bind("a", accountId)
                .map(row -> Boolean.TRUE.equals(row.get("head", Boolean.class))).one();
    }

    /** False when the person already belongs to the household. */
    Mono<Boolean> join(long householdId, long accountId, HouseholdRelation relation) {
        return db.sql("""
                        insert into household_member (household_id, account_id, is_head, relation)
                        values (:h, :a, :head, :relation)
                        on conflict (household_id, account_id) do nothing
                        """)
                .bind("h", householdId).bind("a", accountId)
                .bind("head", relation == HouseholdRelation.HEAD).bind("relation", relation.name())
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Long> remove(long householdId, long accountId) {
        return db.sql("delete from household_member where household_id = :h and account_id = :a")
                .bind("h", householdId).bind("a", accountId).fetch().rowsUpdated();
    }

    /**
     * Two statements, not one: PostgreSQL checks the household_one_head index row by row, so a single update that
     * crowns the new head before it demotes the old one would trip it. The former head stays, as family.
     */
    Mono<Void> handOver(long householdId, long toAccountId) {
        Mono<Long> stepDown = db.sql("""
                        update household_member set is_head = false, relation = :family where household_id = :h and is_head
                        """)
                .bind("h", householdId).bind("family", HouseholdRelation.FAMILY.name()).fetch().rowsUpdated();
        Mono<Long> crown = db.sql("""
                        update household_member set is_head = true, relation = :head where household_id = :h and account_id = :a
                        """)
                .bind("h", householdId).bind("a", toAccountId).bind("head", HouseholdRelation.HEAD.name())
                .fetch().rowsUpdated();
        return stepDown.then(crown).then();
    }
}
