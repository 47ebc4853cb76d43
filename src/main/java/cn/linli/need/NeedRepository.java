package cn.linli.need;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.linli.platform.db.Binds;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of the {@code need} table. Every read brings the street, the place's name and the supporter count along. */
@Repository
class NeedRepository {

    private static final String SELECT = """
            select n.id, n.community_id, c.street_id, n.household_id, n.estate_id, n.building_id,
                   coalesce(be.name || ' ' || b.name, e.name) as place_name, n.submitted_by, n.collected_by_staff,
                   n.description, n.photo_ids, n.status, n.kind, n.level, n.due_at, n.merged_into, n.order_id,
                   n.meeting_id, n.escalated_at,
                   (select count(*) from need_supporter s where s.need_id = n.id)::int as supporter_count,
                   n.request_hash, n.created_at, n.updated_at
              from need n
              join community c on c.id = n.community_id
              left join estate e on e.id = n.estate_id
              left join building b on b.id = n.building_id
              left join estate be on be.id = b.estate_id
            """;

    /** Needs still in the community's hands: the ones that can be overdue. */
    private static final Set<NeedStatus> HELD = Set.of(NeedStatus.SUBMITTED, NeedStatus.TRIAGED, NeedStatus.ON_AGENDA);

    private final DatabaseClient db;

    NeedRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewNeed(long communityId, long householdId, @Nullable Long estateId, @Nullable Long buildingId,
                   long submittedBy, boolean collectedByStaff, String description, List<Long> photoIds,
                   String idempotencyKey, String requestHash) {
    }

    /** The new need's id; empty when this person already used the key (the unique constraint decides races). */
    Mono<Long> insert(NewNeed row) {
        return db.sql("""
                        insert into need (community_id, household_id, estate_id, building_id, submitted_by,
                                          collected_by_staff, description, photo_ids, status, idempotency_key, request_hash)
                        values (:community, :household, :estate, :building, :by, :staff, :description, :photos, :status,
                                :key, :hash)
                        on conflict (submitted_by, idempotency_key) do nothing
                        returning id
                        """)
                .bind("community", row.communityId())
                .bind("household", row.householdId())
                .bind("estate", Binds.nullable(row.estateId(), Long.class))
                .bind("building", Binds.nullable(row.buildingId(), Long.class))
                .bind("by", row.submittedBy())
                .bind("staff", row.collectedByStaff())
                .bind("description", row.description())
                .bind("photos", row.photoIds().toArray(Long[]::new))
                .bind("status", NeedLifecycle.INITIAL.name())
                .bind("key", row.idempotencyKey())
                .bind("hash", row.requestHash())
                .map(r -> r.get("id", Long.class))
                .one();
    }

    Mono<Need> findByKey(long submittedBy, String key) {
        return db.sql(SELECT + " where n.submitted_by = :by and n.idempotency_key = :key")
                .bind("by", submittedBy).bind("key", key)
                .mapProperties(Need.class).one();
    }

    Mono<Need> find(long id) {
        return db.sql(SELECT + " where n.id = :id").bind("id", id).mapProperties(Need.class).one();
    }

    Flux<Need> byIds(Collection<Long> ids) {
        return db.sql(SELECT + " where n.id = any(:ids)").bind("ids", ids.toArray(Long[]::new))
                .mapProperties(Need.class).all();
    }

    Flux<Need> byOrderIds(Collection<Long> orderIds) {
        return db.sql(SELECT + " where n.order_id = any(:ids)").bind("ids", orderIds.toArray(Long[]::new))
                .mapProperties(Need.class).all();
    }

    /** Locks these needs in id order (so two staff merging the same pair queue instead of deadlocking). */
    Mono<Void> lock(Collection<Long> ids) {
        return db.sql("select id from need where id = any(:ids) order by id for update")
                .bind("ids", ids.stream().sorted().toArray(Long[]::new))
                .map(r -> r.get("id", Long.class)).all().then();
    }

    /** Moves the need on if it is still in one of {@code from}; empty when another change got there first. */
    Mono<Need> transition(long id, Set<NeedStatus> from, NeedStatus to) {
        return updated(db.sql("""
                        update need set status = :to, updated_at = now()
                         where id = :id and status = any(:from)
                        returning id
                        """), id, from, to);
    }

    Mono<Need> triage(long id, Set<NeedStatus> from, NeedStatus to, NeedKind kind, NeedLevel level, Instant dueAt) {
        return updated(db.sql("""
                        update need set status = :to, kind = :kind, level = :level, due_at = :due, updated_at = now()
                         where id = :id and status = any(:from)
                        returning id
                        """)
                .bind("kind", kind.name()).bind("level", level.name()).bind("due", dueAt), id, from, to);
    }

    Mono<Need> merge(long id, Set<NeedStatus> from, NeedStatus to, long intoId) {
        return updated(db.sql("""
                        update need set status = :to, merged_into = :into, updated_at = now()
                         where id = :id and status = any(:from)
                        returning id
                        """).bind("into", intoId), id, from, to);
    }

    Mono<Need> putOnAgenda(long id, Set<NeedStatus> from, NeedStatus to, long meetingId) {
        return updated(db.sql("""
                        update need set status = :to, meeting_id = :meeting, updated_at = now()
                         where id = :id and status = any(:from)
                        returning id
                        """).bind("meeting", meetingId), id, from, to);
    }

    /** Escalated by the joint meeting: the street sees it from now on. */
    Mono<Need> escalate(long id, Set<NeedStatus> from, NeedStatus to) {
        return updated(db.sql("""
                        update need set status = :to, escalated_at = now(), updated_at = now()
                         where id = :id and status = any(:from)
                        returning id
                        """), id, from, to);
    }

    /** The need points at its order, and the order at its need (the column this feature added to the order table). */
    Mono<Need> linkOrder(long id, Set<NeedStatus> from, NeedStatus to, long orderId) {
        return db.sql("update service_order set need_id = :need where id = :order and need_id is null")
                .bind("need", id).bind("order", orderId).then()
                .then(updated(db.sql("""
                        update need set status = :to, order_id = :order, updated_at = now()
                         where id = :id and status = any(:from)
                        returning id
                        """).bind("order", orderId), id, from, to));
    }

    /**
     * Escalates the need if it is still held by the community (one of {@code from}) and overdue now, and still of a
     * kind or level that escalates; empty otherwise (re-triaged, resolved, or escalated by another instance first).
     */
    Mono<Need> escalateIfDue(long id, Set<NeedStatus> from, NeedStatus to) {
        return updated(db.sql("""
                        update need set status = :to, escalated_at = now(), updated_at = now()
                         where id = :id and status = any(:from) and due_at <= now()
                           and (kind = :urgentKind or level = :urgentLevel)
                        returning id
                        """)
                .bind("urgentKind", NeedKind.URGENT.name()).bind("urgentLevel", NeedLevel.URGENT.name()), id, from, to);
    }

    /** Binds the guard every conditional update above shares, and reads the need as it is now. */
    private Mono<Need> updated(DatabaseClient.GenericExecuteSpec spec, long id, Set<NeedStatus> from, NeedStatus to) {
        return spec.bind("id", id).bind("from", NeedStatus.names(from)).bind("to", to.name())
                .map(r -> r.get("id", Long.class)).one()
                .flatMap(this::find);
    }

    /** Needs of the households the person belongs to, newest first. */
    Flux<Need> ofMember(long accountId, PageRequest page) {
        var spec = db.sql(SELECT + """
                 where n.household_id in (select household_id from household_member where account_id = :account)
                   and\s""" + PageRequest.before("n.") + """
                 order by n.created_at desc, n.id desc
                 limit :limit
                """).bind("account", accountId);
        return page.bind(spec).mapProperties(Need.class).all();
    }

    record Filter(@Nullable NeedStatus status, @Nullable NeedKind kind, @Nullable NeedLevel level, boolean overdueOnly) {
    }

    /** A community's needs for its staff, newest first, filtered. */
    Flux<Need> ofCommunity(long communityId, Filter filter, PageRequest page) {
        var spec = db.sql(SELECT + """
                 where n.community_id = :community
                   and (cast(:status as text) is null or n.status = :status)
                   and (cast(:kind as text) is null or n.kind = :kind)
                   and (cast(:level as text) is null or n.level = :level)
                   and (not :overdue or (n.due_at < now() and n.status = any(:open)))
                   and\s""" + PageRequest.before("n.") + """
                 order by n.created_at desc, n.id desc
                 limit :limit
                """)
                .bind("community", communityId)
                .bind("status", Binds.nullable(filter.status() == null ? null : filter.status().name(), String.class))
                .bind("kind", Binds.nullable(filter.kind() == null ? null : filter.kind().name(), String.class))
                .bind("level", Binds.nullable(filter.level() == null ? null : filter.level().name(), String.class))
                .bind("overdue", filter.overdueOnly())
                .bind("open", NeedStatus.names(HELD));
        return page.bind(spec).mapProperties(Need.class).all();
    }

    /** Needs escalated to this street (街道呼叫), newest first. */
    Flux<Need> escalatedInStreet(long streetId, PageRequest page) {
        var spec = db.sql(SELECT + """
                 where c.street_id = :street and n.escalated_at is not null
                   and\s""" + PageRequest.before("n.") + """
                 order by n.created_at desc, n.id desc
                 limit :limit
                """).bind("street", streetId);
        return page.bind(spec).mapProperties(Need.class).all();
    }
}
