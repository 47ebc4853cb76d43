package cn.linli.order;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import cn.linli.community.Household;
import cn.linli.platform.pagination.PageRequest;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The one statement of the compiled dispatch board ({@link CompiledDispatchBoard}): a page of a community's orders
 * with every field of {@code api/OrderFields.graphql} and {@code api/TimelineFields.graphql}, written by PostgreSQL as
 * JSON in the document's field order, relations and timelines included. It reads the same rows as
 * {@link OrderLists#queue} and the timeline loader (same joins, same household label, same ordering), and writes
 * values as the GraphQL scalars do: ids as strings, enums by name, instants through {@code instant_text} (V32).
 * Only what PostgreSQL cannot write is left to Java: the sealed phone, the signed photo links and the cursor.
 */
@Repository
class DispatchBoardRows {

    /** Between the JSON parts the document's Java-written fields go: photoUrls, contactPhone, completionPhotoUrls. */
    private static final String SQL = """
            select o.id, o.created_at, o.resident_id, o.contact_phone, o.photo_ids, o.completion_photo_ids,
                   json_build_object(
                       'id', o.id::text, 'status', o.status, 'urgency', o.urgency, 'escalated', o.escalated,
                       'dispatchMode', o.dispatch_mode,
                       'category', case when c.id is not null then json_build_object('code', c.code, 'name', c.name) end,
                       'offering', case when f.id is not null then json_build_object('id', f.id::text, 'title', f.title) end,
                       'household', case when h.id is not null then json_build_object('id', h.id::text,
                                         'label', %s) end,
                       'resident', case when ra.id is not null
                                        then json_build_object('id', ra.id::text, 'nickname', ra.nickname) end,
                       'description', o.description)::text as head,
                   json_build_object('preferredFrom', instant_text(o.preferred_from),
                                     'preferredTo', instant_text(o.preferred_to))::text as schedule,
                   json_build_object(
                       'partner', case when p.id is not null then json_build_object('id', p.id::text, 'name', p.name) end,
                       'servingMember', case when sa.id is not null
                                             then json_build_object('id', sa.id::text, 'nickname', sa.nickname) end,
                       'acceptDeadline', instant_text(o.accept_deadline), 'minutesSpent', o.minutes_spent,
                       'completionNotes', o.completion_notes)::text as service,
                   json_build_object(
                       'rating', case when o.rating_quality is not null and o.rating_punctuality is not null
                                           and o.rating_attitude is not null
                                      then json_build_object('quality', o.rating_quality,
                                           'punctuality', o.rating_punctuality, 'attitude', o.rating_attitude,
                                           'comment', o.rating_comment) end,
                       'createdAt', instant_text(o.created_at), 'updatedAt', instant_text(o.updated_at),
                       'timeline', (select coalesce(json_agg(json_build_object(
                                              'id', ev.id::text, 'at', instant_text(ev.created_at),
                                              'actorKind', ev.actor_kind,
                                              'actor', case when a.id is not null
                                                            then json_build_object('id', a.id::text, 'nickname', a.nickname) end,
                                              'from', ev.from_status, 'to', ev.to_status,
                                              'partner', case when ep.id is not null
                                                              then json_build_object('id', ep.id::text, 'name', ep.name) end,
                                              'reason', ev.reason) order by ev.id), '[]'::json)
                                      from order_event ev
                                      left join account a on a.id = ev.actor_id
                                      left join partner ep on ep.id = ev.partner_id
                                     where ev.order_id = o.id))::text as tail
            """.formatted(Household.LABEL_SQL) + ListedOrder.FROM + OrderLists.QUEUE;

    private final DatabaseClient db;

    DispatchBoardRows(DatabaseClient db) {
        this.db = db;
    }

    /** Up to {@code page.limitPlusOne()} rows, oldest first, as {@link OrderLists#queue} pages them. */
    Flux<Row> page(long communityId, @Nullable OrderStatus status, @Nullable Urgency urgency,
                   @Nullable Boolean escalated, PageRequest page) {
        var spec = OrderLists.bindQueue(db.sql(SQL), communityId, status, urgency, escalated);
        return page.bind(spec).map(DispatchBoardRows::row).all();
    }

    private static Row row(Readable row) {
        return new Row(row.get("id", Long.class), row.get("created_at", Instant.class), row.get("resident_id", Long.class),
                row.get("contact_phone", String.class), ids(row.get("photo_ids", Long[].class)),
                ids(row.get("completion_photo_ids", Long[].class)), row.get("head", String.class),
                row.get("schedule", String.class), row.get("service", String.class), row.get("tail", String.class));
    }

    private static List<Long> ids(Long @Nullable [] ids) {
        return ids == null ? List.of() : Arrays.asList(ids);
    }

    /**
     * One order: the columns Java needs, and its JSON in four objects whose members go, in this order, around the
     * Java-written fields.
     */
    record Row(long id, Instant createdAt, long residentId, String sealedPhone, List<Long> photoIds,
               List<Long> completionPhotoIds, String head, String schedule, String service, String tail) {
    }
}
