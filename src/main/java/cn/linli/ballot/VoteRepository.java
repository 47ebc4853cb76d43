package cn.linli.ballot;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import cn.linli.ballot.BallotTally.EstateCount;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of votes. A household has one row per ballot, updated in place ({@code on conflict … do update}), so any number
 * of its members voting at once leave one counted vote, the last one. Counting reads only the picks and the estate,
 * never which household or person cast them; {@code cast_by} is written for disputes and read by no query here.
 */
@Repository
class VoteRepository {

    /** A membership of the voter in a household, with when they were verified (joined). */
    record Membership(long householdId, long communityId, Instant joinedAt, boolean eligible) {
    }

    /** The household's own current vote, shown only to its members. */
    record HouseholdVote(long ballotId, long householdId, Long[] choices, @Nullable String comment, int version,
                         Instant updatedAt) {
    }

    record StoredRequest(long ballotId, long householdId, String requestHash) {
    }

    private record Picks(Long[] choices) {
    }

    private final DatabaseClient db;

    VoteRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The voter's memberships, with whether each household is on this ballot's eligible list. */
    Flux<Membership> memberships(long accountId, long ballotId) {
        return db.sql("""
                        select m.household_id, h.community_id, m.joined_at,
                               exists (select 1 from ballot_eligible e where e.ballot_id = :ballot
                                          and e.household_id = m.household_id) as eligible
                          from household_member m join household h on h.id = m.household_id
                         where m.account_id = :account
                         order by m.joined_at, m.household_id
                        """)
                .bind("account", accountId).bind("ballot", ballotId).mapProperties(Membership.class).all();
    }

    /** A verified membership of the viewer: the household, its community, when the viewer joined it. */
    record Joined(long householdId, long communityId, Instant joinedAt) {
    }

    /** (ballot, household) pairs on the ballots' eligible lists, among these households. */
    record EligiblePair(long ballotId, long householdId) {
    }

    Flux<Joined> joined(long accountId) {
        return db.sql("""
                        select m.household_id, h.community_id, m.joined_at
                          from household_member m join household h on h.id = m.household_id
                         where m.account_id = :account order by m.joined_at, m.household_id
                        """)
                .bind("account", accountId).mapProperties(Joined.class).all();
    }

    Flux<EligiblePair> eligibleAmong(Collection<Long> ballotIds, Collection<Long> householdIds) {
        return db.sql("""
                        select ballot_id, household_id from ballot_eligible
                         where ballot_id = any(:ballots) and household_id = any(:households)
                        """)
                .bind("ballots", Ids.array(ballotIds)).bind("households", Ids.array(householdIds))
                .mapProperties(EligiblePair.class).all();
    }

    Flux<HouseholdVote> votesAmong(Collection<Long> ballotIds, Collection<Long> householdIds) {
        return db.sql("""
                        select ballot_id, household_id, choices, comment, version, updated_at from ballot_vote
                         where ballot_id = any(:ballots) and household_id = any(:households)
                        """)
                .bind("ballots", Ids.array(ballotIds)).bind("households", Ids.array(householdIds))
                .mapProperties(HouseholdVote.class).all();
    }

    /** Casts or replaces the household's vote; the row after the change. */
    Mono<HouseholdVote> upsert(long ballotId, long householdId, List<Long> choices, @Nullable String comment,
                               long castBy) {
        return db.sql("""
                        insert into ballot_vote (ballot_id, household_id, choices, comment, cast_by)
                        values (:ballot, :household, :choices, :comment, :castBy)
                        on conflict (ballot_id, household_id) do update
                           set choices = excluded.choices, comment = excluded.comment, cast_by = excluded.cast_by,
                               version = ballot_vote.version + 1, updated_at = clock_timestamp()
                        returning ballot_id, household_id, choices, comment, version, updated_at
                        """)
                .bind("ballot", ballotId).bind("household", householdId).bind("choices", choices.toArray(Long[]::new))
                .bind("comment", Binds.nullable(comment, String.class)).bind("castBy", castBy)
                .mapProperties(HouseholdVote.class).one();
    }

    /** The current votes of these households (the viewer's own) in this ballot. */
    Flux<HouseholdVote> votesOf(long ballotId, Collection<Long> householdIds) {
        return db.sql("""
                        select ballot_id, household_id, choices, comment, version, updated_at from ballot_vote
                         where ballot_id = :ballot and household_id = any(:households)
                        """)
                .bind("ballot", ballotId).bind("households", Ids.array(householdIds))
                .mapProperties(HouseholdVote.class).all();
    }

    /** The picks of every counted vote, anonymous (no household, no person, no order that would identify one). */
    Mono<List<List<Long>>> picks(long ballotId) {
        return db.sql("select choices from ballot_vote where ballot_id = :ballot")
                .bind("ballot", ballotId).mapProperties(Picks.class).all()
                .map(picks -> List.of(picks.choices())).collectList();
    }

    /** Eligible and voted households per estate of the ballot. */
    Flux<EstateCount> turnout(long ballotId) {
        return db.sql("""
                        select e.estate_id, es.name as estate_name, count(*)::int as eligible, count(v.household_id)::int as voted
                          from ballot_eligible e join estate es on es.id = e.estate_id
                          left join ballot_vote v on v.ballot_id = e.ballot_id and v.household_id = e.household_id
                         where e.ballot_id = :ballot
                         group by e.estate_id, es.name order by es.name, e.estate_id
                        """)
                .bind("ballot", ballotId).mapProperties(EstateCount.class).all();
    }

    /** Members verified before the opening, of eligible households — all of them, or those that have not voted. */
    Flux<Long> voters(long ballotId, Instant openedAt, boolean onlyNotVoted) {
        return db.sql("""
                        select distinct m.account_id from ballot_eligible e
                          join household_member m on m.household_id = e.household_id and m.joined_at < :openedAt
                         where e.ballot_id = :ballot
                           and (not :onlyNotVoted or not exists (select 1 from ballot_vote v
                                 where v.ballot_id = e.ballot_id and v.household_id = e.household_id))
                        """)
                .bind("ballot", ballotId).bind("openedAt", openedAt).bind("onlyNotVoted", onlyNotVoted)
                .map(row -> row.get("account_id", Long.class)).all();
    }

    /** Records the key; false when it was recorded before (a replay, or a reuse with another body). */
    Mono<Boolean> recordRequest(String key, long ballotId, long householdId, String requestHash) {
        return db.sql("""
                        insert into ballot_vote_request (key, ballot_id, household_id, request_hash)
                        values (:key, :ballot, :household, :hash) on conflict (key) do nothing
                        """)
                .bind("key", key).bind("ballot", ballotId).bind("household", householdId).bind("hash", requestHash)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<StoredRequest> request(String key) {
        return db.sql("select ballot_id, household_id, request_hash from ballot_vote_request where key = :key")
                .bind("key", key).mapProperties(StoredRequest.class).one();
    }
}
