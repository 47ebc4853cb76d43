package cn.linli.ballot;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of ballots, their options and pass rules. Status changes are conditional updates on the statuses
 * {@link BallotLifecycle#sourcesOf} allows, so of a timer and a staff member acting at once exactly one wins.
 */
@Repository
class BallotRepository {

    /** What staff (or another feature) ask for; the rule is filled in from ballot_rule when null. */
    record Draft(long communityId, BallotKind kind, PickMode pickMode, int maxPicks, String title,
                 @Nullable String description, @Nullable BallotSubjectKind subjectKind, @Nullable Long subjectId,
                 Instant opensAt, Instant closesAt, int remindHoursBefore, @Nullable Integer minTurnoutPercent,
                 @Nullable Integer majorityPercent, @Nullable Long createdBy) {
    }

    private static final String RULE_OR_DEFAULT = """
            (select r.%s from ballot_rule r where r.community_id = :community or r.community_id is null
              order by r.community_id nulls last limit 1)
            """;

    private final DatabaseClient db;

    BallotRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Ballot> insert(Draft draft) {
        return bindDraft(db.sql("""
                        insert into ballot (community_id, kind, pick_mode, max_picks, title, description, subject_kind,
                                            subject_id, opens_at, closes_at, remind_hours_before, min_turnout_percent,
                                            majority_percent, created_by)
                        values (:community, :kind, :mode, :maxPicks, :title, :description, :subjectKind, :subjectId,
                                :opensAt, :closesAt, :remind,
                                coalesce(:minTurnout, %s), coalesce(:majority, %s), :createdBy)
                        returning *
                        """.formatted(RULE_OR_DEFAULT.formatted("min_turnout_percent"),
                        RULE_OR_DEFAULT.formatted("majority_percent"))), draft)
                .bind("createdBy", Binds.nullable(draft.createdBy(), Long.class))
                .mapProperties(Ballot.class).one();
    }

    /**
     * The one satisfaction ballot of a subject: made now, or empty when it already exists. The conflict target repeats
     * the partial unique index's predicate word for word (PostgreSQL infers the index from it; a bind cannot stand in).
     */
    Mono<Ballot> insertSatisfaction(Draft draft) {
        return bindDraft(db.sql("""
                        insert into ballot (community_id, kind, pick_mode, max_picks, title, description, subject_kind,
                                            subject_id, opens_at, closes_at, remind_hours_before, min_turnout_percent,
                                            majority_percent)
                        values (:community, :kind, :mode, :maxPicks, :title, :description, :subjectKind, :subjectId,
                                :opensAt, :closesAt, :remind,
                                coalesce(:minTurnout, %s), coalesce(:majority, %s))
                        on conflict (subject_kind, subject_id) where kind = 'SATISFACTION' and subject_id is not null
                        do nothing
                        returning *
                        """.formatted(RULE_OR_DEFAULT.formatted("min_turnout_percent"),
                        RULE_OR_DEFAULT.formatted("majority_percent"))), draft)
                .mapProperties(Ballot.class).one();
    }

    Mono<Ballot> satisfactionOf(BallotSubjectKind subjectKind, long subjectId) {
        return db.sql("select * from ballot where kind = :kind and subject_kind = :sk and subject_id = :sid")
                .bind("kind", BallotKind.SATISFACTION.name()).bind("sk", subjectKind.name()).bind("sid", subjectId)
                .mapProperties(Ballot.class).one();
    }

    /** A draft's new content; empty when it is no longer in a status that may be edited. */
    Mono<Ballot> update(long id, Draft draft, Set<BallotStatus> from) {
        return bindDraft(db.sql("""
                        update ballot set kind = :kind, pick_mode = :mode, max_picks = :maxPicks, title = :title,
                               description = :description, subject_kind = :subjectKind, subject_id = :subjectId,
                               opens_at = :opensAt, closes_at = :closesAt, remind_hours_before = :remind,
                               min_turnout_percent = coalesce(:minTurnout, min_turnout_percent),
                               majority_percent = coalesce(:majority, majority_percent), updated_at = now()
                         where id = :id and status = any(:from)
                        returning *
                        """), draft)
                .bind("id", id).bind("from", names(from))
                .mapProperties(Ballot.class).one();
    }

    private static GenericExecuteSpec bindDraft(GenericExecuteSpec spec, Draft draft) {
        return spec.bind("community", draft.communityId()).bind("kind", draft.kind().name())
                .bind("mode", draft.pickMode().name()).bind("maxPicks", draft.maxPicks()).bind("title", draft.title())
                .bind("description", Binds.nullable(draft.description(), String.class))
                .bind("subjectKind", Binds.nullable(draft.subjectKind() == null ? null : draft.subjectKind().name(), String.class))
                .bind("subjectId", Binds.nullable(draft.subjectId(), Long.class))
                .bind("opensAt", draft.opensAt()).bind("closesAt", draft.closesAt())
                .bind("remind", draft.remindHoursBefore())
                .bind("minTurnout", Binds.nullable(draft.minTurnoutPercent(), Integer.class))
                .bind("majority", Binds.nullable(draft.majorityPercent(), Integer.class));
    }

    Mono<Void> replaceOptions(long ballotId, List<FixedOptions.Draft> options) {
        Mono<Void> clear = db.sql("delete from ballot_option where ballot_id = :id").bind("id", ballotId).then();
        return clear.thenMany(Flux.range(0, options.size()).concatMap(i -> db.sql("""
                                insert into ballot_option (ballot_id, position, label, subject_id)
                                values (:ballot, :position, :label, :subject)
                                """)
                        .bind("ballot", ballotId).bind("position", i + 1).bind("label", options.get(i).label())
                        .bind("subject", Binds.nullable(options.get(i).subjectId(), Long.class)).then()))
                .then();
    }

    Flux<BallotOption> options(Collection<Long> ballotIds) {
        return db.sql("select * from ballot_option where ballot_id = any(:ids) order by ballot_id, position")
                .bind("ids", Ids.array(ballotIds)).mapProperties(BallotOption.class).all();
    }

    Mono<Ballot> find(long id) {
        return db.sql("select * from ballot where id = :id").bind("id", id).mapProperties(Ballot.class).one();
    }

    /** Read under a share lock: a vote holds it, so a closing (an update) waits for the votes in flight, and they for it. */
    Mono<Ballot> findShared(long id) {
        return db.sql("select * from ballot where id = :id for share").bind("id", id).mapProperties(Ballot.class).one();
    }

    /** A community's ballots, newest first, optionally only in some statuses. */
    Flux<Ballot> page(long communityId, @Nullable Set<BallotStatus> statuses, PageRequest page) {
        return page.bind(db.sql("""
                        select * from ballot where community_id = :community
                           and (cast(:statuses as text[]) is null or status = any(:statuses)) and %s
                         order by created_at desc, id desc limit :limit
                        """.formatted(PageRequest.before("")))
                .bind("community", communityId)
                .bind("statuses", Binds.nullable(statuses == null ? null : names(statuses), String[].class)))
                .mapProperties(Ballot.class).all();
    }

    Mono<Ballot> publish(long id, Set<BallotStatus> from) {
        return change(id, from, BallotStatus.SCHEDULED, "");
    }

    Mono<Ballot> open(long id, Set<BallotStatus> from) {
        return change(id, from, BallotStatus.OPEN, ", opened_at = now()");
    }

    Mono<Ballot> close(long id, Set<BallotStatus> from) {
        return change(id, from, BallotStatus.CLOSED, ", closed_at = now()");
    }

    Mono<Ballot> cancel(long id, Set<BallotStatus> from) {
        return change(id, from, BallotStatus.CANCELLED, ", closed_at = now()");
    }

    private Mono<Ballot> change(long id, Set<BallotStatus> from, BallotStatus to, String alsoSet) {
        return db.sql("update ballot set status = :to, updated_at = now()" + alsoSet
                        + " where id = :id and status = any(:from) returning *")
                .bind("id", id).bind("to", to.name()).bind("from", names(from))
                .mapProperties(Ballot.class).one();
    }

    /** Marks the reminder sent, once: empty when it was sent before or the ballot no longer takes votes. */
    Mono<Ballot> markReminded(long id) {
        return db.sql("""
                        update ballot set reminded_at = now() where id = :id and reminded_at is null and status = :open
                        returning *
                        """)
                .bind("id", id).bind("open", BallotStatus.OPEN.name()).mapProperties(Ballot.class).one();
    }

    /**
     * Fixes who may vote as the ballot opens: households of its community in use with at least one member verified
     * (joined) before the opening, each with its estate for turnout per estate.
     */
    Mono<Long> snapshotEligible(Ballot opened) {
        return db.sql("""
                        insert into ballot_eligible (ballot_id, household_id, estate_id)
                        select :ballot, h.id, b.estate_id
                          from household h join unit u on u.id = h.unit_id join building b on b.id = u.building_id
                         where h.community_id = :community and h.retired_at is null
                           and exists (select 1 from household_member m where m.household_id = h.id and m.joined_at < :openedAt)
                        on conflict do nothing
                        """)
                .bind("ballot", opened.id()).bind("community", opened.communityId())
                .bind("openedAt", java.util.Objects.requireNonNull(opened.openedAt()))
                .fetch().rowsUpdated();
    }

    /** The pass rule new ballots of the community get: its own row, or the default row. */
    record Rule(long communityId, int minTurnoutPercent, int majorityPercent, boolean communityOwn) {
    }

    Mono<Rule> rule(long communityId) {
        return db.sql("""
                        select :community as community_id, r.min_turnout_percent, r.majority_percent,
                               r.community_id is not null as community_own
                          from ballot_rule r where r.community_id = :community or r.community_id is null
                         order by r.community_id nulls last limit 1
                        """)
                .bind("community", communityId).mapProperties(Rule.class).one();
    }

    Mono<Rule> setRule(long communityId, int minTurnoutPercent, int majorityPercent) {
        return db.sql("""
                        insert into ballot_rule (community_id, min_turnout_percent, majority_percent)
                        values (:community, :minTurnout, :majority)
                        on conflict (community_id) do update
                           set min_turnout_percent = excluded.min_turnout_percent,
                               majority_percent = excluded.majority_percent, updated_at = now()
                        returning community_id, min_turnout_percent, majority_percent, true as community_own
                        """)
                .bind("community", communityId).bind("minTurnout", minTurnoutPercent).bind("majority", majorityPercent)
                .mapProperties(Rule.class).one();
    }

    private static String[] names(Collection<BallotStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
