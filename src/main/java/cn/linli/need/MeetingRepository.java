package cn.linli.need;

import java.time.LocalDate;
import java.util.Collection;

import cn.linli.platform.pagination.PageRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of joint meetings, their agendas, and the triage rules. */
@Repository
class MeetingRepository {

    private static final String MEETING = "select id, community_id, title, meets_on, created_at from need_meeting";
    private static final String RULE = """
            select community_id, kind, level, extract(epoch from due_within)::bigint as due_within_seconds
              from need_triage_rule
            """;

    private final DatabaseClient db;

    MeetingRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<NeedMeeting> insert(long communityId, String title, LocalDate meetsOn, long createdBy) {
        return db.sql("""
                        insert into need_meeting (community_id, title, meets_on, created_by)
                        values (:community, :title, :on, :by)
                        returning id, community_id, title, meets_on, created_at
                        """)
                .bind("community", communityId).bind("title", title).bind("on", meetsOn).bind("by", createdBy)
                .mapProperties(NeedMeeting.class).one();
    }

    Mono<NeedMeeting> find(long id) {
        return db.sql(MEETING + " where id = :id").bind("id", id).mapProperties(NeedMeeting.class).one();
    }

    Flux<NeedMeeting> byIds(Collection<Long> ids) {
        return db.sql(MEETING + " where id = any(:ids)").bind("ids", ids.toArray(Long[]::new))
                .mapProperties(NeedMeeting.class).all();
    }

    /** The community's next meeting: the earliest one today or later. */
    Mono<NeedMeeting> next(long communityId) {
        return db.sql(MEETING + " where community_id = :community and meets_on >= current_date order by meets_on, id limit 1")
                .bind("community", communityId).mapProperties(NeedMeeting.class).one();
    }

    Flux<NeedMeeting> ofCommunity(long communityId, PageRequest page) {
        var spec = db.sql(MEETING + " where community_id = :community and " + PageRequest.before("") + """
                 order by created_at desc, id desc
                 limit :limit
                """).bind("community", communityId);
        return page.bind(spec).mapProperties(NeedMeeting.class).all();
    }

    Mono<Void> addItem(long meetingId, long needId) {
        return db.sql("insert into need_agenda_item (meeting_id, need_id) values (:meeting, :need) on conflict do nothing")
                .bind("meeting", meetingId).bind("need", needId).then();
    }

    /** Records the meeting's decision once; empty when the item is not on the agenda or was decided already. */
    Mono<AgendaItem> decide(long meetingId, long needId, AgendaOutcome outcome, String resolution, long decidedBy) {
        return db.sql("""
                        update need_agenda_item
                           set outcome = :outcome, resolution = :resolution, decided_by = :by, decided_at = now()
                         where meeting_id = :meeting and need_id = :need and outcome is null
                        returning meeting_id, need_id, outcome, resolution, decided_at
                        """)
                .bind("meeting", meetingId).bind("need", needId).bind("outcome", outcome.name())
                .bind("resolution", resolution).bind("by", decidedBy)
                .mapProperties(AgendaItem.class).one();
    }

    Flux<AgendaItem> agendas(Collection<Long> meetingIds) {
        return db.sql("""
                        select meeting_id, need_id, outcome, resolution, decided_at from need_agenda_item
                         where meeting_id = any(:ids) order by meeting_id, created_at, need_id
                        """)
                .bind("ids", meetingIds.toArray(Long[]::new))
                .mapProperties(AgendaItem.class).all();
    }

    /** The community's own rules and the defaults. */
    Flux<TriageRule> rules(long communityId) {
        return db.sql(RULE + " where community_id = :community or community_id is null")
                .bind("community", communityId).mapProperties(TriageRule.class).all();
    }

    /** Sets the community's own rule for a kind and level; its id (for the audit). */
    Mono<Long> setRule(long communityId, NeedKind kind, NeedLevel level, long dueWithinSeconds) {
        return db.sql("""
                        insert into need_triage_rule (community_id, kind, level, due_within)
                        values (:community, :kind, :level, :seconds * interval '1 second')
                        on conflict (coalesce(community_id, 0), kind, level)
                        do update set due_within = excluded.due_within, updated_at = now()
                        returning id
                        """)
                .bind("community", communityId).bind("kind", kind.name()).bind("level", level.name())
                .bind("seconds", dueWithinSeconds)
                .map(r -> r.get("id", Long.class)).one();
    }
}
