package cn.linli.order;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for orders. Every state change is a conditional update ({@code … where status = 'DISPATCHED' and …}) whose
 * returned row says whether it happened: the database, not Java, decides who wins a race.
 */
@Repository
class OrderRepository {

    private final DatabaseClient db;

    OrderRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewOrder(long householdId, long communityId, long residentId, long categoryId, @Nullable Long offeringId,
                    String dispatchMode, String description, List<Long> photoIds, @Nullable Instant preferredFrom,
                    @Nullable Instant preferredTo, String urgency, String contactPhone, String idempotencyKey,
                    String requestHash) {
    }

    /** Inserts the order; empty when this resident already used the idempotency key. */
    Mono<ServiceOrder> insert(NewOrder order) {
        var spec = db.sql("""
                        insert into service_order (household_id, community_id, resident_id, category_id, offering_id,
                            dispatch_mode, description, photo_ids, preferred_from, preferred_to, urgency, contact_phone,
                            status, idempotency_key, request_hash)
                        values (:household, :community, :resident, :category, :offering, :mode, :description, :photos,
                            :from, :to, :urgency, :phone, 'SUBMITTED', :key, :hash)
                        on conflict (resident_id, idempotency_key) do nothing
                        returning *
                        """)
                .bind("household", order.householdId()).bind("community", order.communityId())
                .bind("resident", order.residentId()).bind("category", order.categoryId())
                .bind("mode", order.dispatchMode()).bind("description", order.description())
                .bind("photos", order.photoIds().toArray(Long[]::new)).bind("urgency", order.urgency())
                .bind("phone", order.contactPhone()).bind("key", order.idempotencyKey()).bind("hash", order.requestHash());
        spec = order.offeringId() == null ? spec.bindNull("offering", Long.class) : spec.bind("offering", order.offeringId());
        spec = order.preferredFrom() == null ? spec.bindNull("from", Instant.class) : spec.bind("from", order.preferredFrom());
        spec = order.preferredTo() == null ? spec.bindNull("to", Instant.class) : spec.bind("to", order.preferredTo());
        return spec.map(OrderRepository::order).one();
    }

    Mono<ServiceOrder> findByIdempotencyKey(long residentId, String key) {
        return db.sql("select * from service_order where resident_id = :resident and idempotency_key = :key")
                .bind("resident", residentId).bind("key", key).map(OrderRepository::order).one();
    }

    Mono<ServiceOrder> findById(long id) {
        return db.sql("select * from service_order where id = :id").bind("id", id).map(OrderRepository::order).one();
    }

    /**
     * Locks the order row, and then its community's dispatch lock, for the rest of the transaction: every transition
     * takes these first. Transitions move capacity between partners (release one, reserve another); serialising them
     * per community means two of them never lock the same partners in opposite orders (a deadlock). A community's
     * orders change a few times a minute, so the queue this forms is short.
     */
    Mono<ServiceOrder> lock(long id) {
        return db.sql("select * from service_order where id = :id for update").bind("id", id)
                .map(OrderRepository::order).one()
                .flatMap(order -> lockCommunity(order.communityId()).thenReturn(order));
    }

    /** The community's dispatch lock (a transaction-scoped advisory lock), for transitions of a new order. */
    Mono<Void> lockCommunity(long communityId) {
        return db.sql("select pg_advisory_xact_lock(:namespace, cast(:community as int))")
                .bind("namespace", DISPATCH_LOCK_NAMESPACE).bind("community", (int) communityId)
                .then();
    }

    /** First key of the two-key advisory lock, so dispatch locks never collide with other uses of advisory locks. */
    private static final int DISPATCH_LOCK_NAMESPACE = 7001;

    Flux<ServiceOrder> findByIds(Collection<Long> ids) {
        return db.sql("select * from service_order where id = any(:ids)").bind("ids", Ids.array(ids))
                .map(OrderRepository::order).all();
    }

    /**
     * Applies {@code set} when the order is in one of {@code from}; the updated row, or empty when it was not.
     * {@code extraCondition} narrows further (e.g. the partner it is dispatched to).
     */
    Mono<ServiceOrder> update(long id, Collection<String> from, String set, String extraCondition,
                              java.util.Map<String, @Nullable Object> params) {
        var spec = db.sql("update service_order set " + set + ", updated_at = now() where id = :id and status = any(:from)"
                        + (extraCondition.isEmpty() ? "" : " and " + extraCondition) + " returning *")
                .bind("id", id).bind("from", from.toArray(String[]::new));
        for (var param : params.entrySet()) {
            Object value = param.getValue();
            spec = value == null ? spec.bindNull(param.getKey(), String.class) : spec.bind(param.getKey(), value);
        }
        return spec.map(OrderRepository::order).one();
    }

    // ---- timeline, declines, offers ----

    Mono<Void> insertEvent(long orderId, Actor actor, @Nullable String from, String to, @Nullable Long partnerId,
                           @Nullable String reason) {
        var spec = db.sql("""
                        insert into order_event (order_id, actor_id, actor_kind, from_status, to_status, partner_id, reason)
                        values (:order, :actor, :kind, :from, :to, :partner, :reason)
                        """)
                .bind("order", orderId).bind("kind", actor.kind()).bind("to", to);
        spec = actor.accountId() == null ? spec.bindNull("actor", Long.class) : spec.bind("actor", actor.accountId());
        spec = from == null ? spec.bindNull("from", String.class) : spec.bind("from", from);
        spec = partnerId == null ? spec.bindNull("partner", Long.class) : spec.bind("partner", partnerId);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.then();
    }

    Flux<OrderEvent> eventsOfOrders(Collection<Long> orderIds) {
        return db.sql("select * from order_event where order_id = any(:ids) order by id")
                .bind("ids", Ids.array(orderIds))
                .map(row -> new OrderEvent(row.get("id", Long.class), row.get("order_id", Long.class),
                        row.get("actor_id", Long.class), row.get("actor_kind", String.class),
                        row.get("from_status", String.class), row.get("to_status", String.class),
                        row.get("partner_id", Long.class), row.get("reason", String.class), instant(row, "created_at")))
                .all();
    }

    Mono<Void> insertDecline(long orderId, long partnerId, String reason, boolean expired) {
        return db.sql("""
                        insert into order_decline (order_id, partner_id, reason, expired) values (:order, :partner, :reason, :expired)
                        on conflict do nothing
                        """)
                .bind("order", orderId).bind("partner", partnerId).bind("reason", reason).bind("expired", expired).then();
    }

    Mono<List<Long>> declinedPartners(long orderId) {
        return db.sql("select partner_id from order_decline where order_id = :order").bind("order", orderId)
                .map(row -> row.get("partner_id", Long.class)).all().collectList();
    }

    Mono<Void> insertOffers(long orderId, Collection<Long> partnerIds) {
        return db.sql("insert into order_offer (order_id, partner_id) select :order, unnest(:ids) on conflict do nothing")
                .bind("order", orderId).bind("ids", Ids.array(partnerIds)).then();
    }

    Mono<List<Long>> offeredPartners(long orderId) {
        return db.sql("select partner_id from order_offer where order_id = :order").bind("order", orderId)
                .map(row -> row.get("partner_id", Long.class)).all().collectList();
    }

    /** Whether the order is offered to this partner to grab now (and the partner has not declined it). */
    Mono<Boolean> isOfferedTo(long orderId, long partnerId) {
        return db.sql("""
                        select exists (select 1 from order_offer f join service_order o on o.id = f.order_id
                                        where f.order_id = :order and f.partner_id = :partner
                                          and o.status = 'DISPATCHED' and o.partner_id is null
                                          and not exists (select 1 from order_decline d
                                                           where d.order_id = f.order_id and d.partner_id = f.partner_id))
                               as offered
                        """)
                .bind("order", orderId).bind("partner", partnerId)
                .map(row -> Boolean.TRUE.equals(row.get("offered", Boolean.class))).one();
    }

    /** What became of this partner's chance at the order: was it offered it to grab, did its deadline pass. */
    record PartnerHistory(boolean offered, boolean expired) {
    }

    Mono<PartnerHistory> historyOf(long orderId, long partnerId) {
        return db.sql("""
                        select exists (select 1 from order_offer where order_id = :order and partner_id = :partner) as offered,
                               exists (select 1 from order_decline where order_id = :order and partner_id = :partner
                                        and expired) as expired
                        """)
                .bind("order", orderId).bind("partner", partnerId)
                .map(row -> new PartnerHistory(Boolean.TRUE.equals(row.get("offered", Boolean.class)),
                        Boolean.TRUE.equals(row.get("expired", Boolean.class))))
                .one();
    }

    // ---- lists (keyset pages) ----

    Flux<ServiceOrder> ofHouseholds(Collection<Long> householdIds, @Nullable String status, PageRequest page) {
        // newest first: the keyset comparison runs the other way
        var spec = db.sql("""
                        select * from service_order
                         where household_id = any(:households)
                           and (cast(:status as text) is null or status = :status)
                           and (cast(:afterTime as timestamptz) is null or (created_at, id) < (:afterTime, :afterId))
                         order by created_at desc, id desc limit :limit
                        """)
                .bind("households", Ids.array(householdIds)).bind("limit", page.limitPlusOne());
        return page(bindText(spec, "status", status), page).map(OrderRepository::order).all();
    }

    Flux<ServiceOrder> queue(long communityId, @Nullable String status, @Nullable String urgency,
                             @Nullable Boolean escalated, PageRequest page) {
        var spec = db.sql("""
                        select * from service_order
                         where community_id = :community
                           and (cast(:status as text) is null or status = :status)
                           and (cast(:urgency as text) is null or urgency = :urgency)
                           and (cast(:escalated as boolean) is null or escalated = :escalated)
                           and (cast(:afterTime as timestamptz) is null or (created_at, id) > (:afterTime, :afterId))
                         order by created_at, id limit :limit
                        """)
                .bind("community", communityId).bind("limit", page.limitPlusOne());
        spec = bindText(bindText(spec, "status", status), "urgency", urgency);
        spec = escalated == null ? spec.bindNull("escalated", Boolean.class) : spec.bind("escalated", escalated);
        return page(spec, page).map(OrderRepository::order).all();
    }

    Flux<ServiceOrder> inbox(long partnerId, String filter, PageRequest page) {
        String condition = switch (filter) {
            case "DISPATCHED" -> "o.partner_id = :partner and o.status = 'DISPATCHED'";
            case "GRAB_OFFERS" -> """
                    o.partner_id is null and o.status = 'DISPATCHED'
                    and exists (select 1 from order_offer f where f.order_id = o.id and f.partner_id = :partner)
                    and not exists (select 1 from order_decline d where d.order_id = o.id and d.partner_id = :partner)""";
            default -> "o.partner_id = :partner and o.status in ('ACCEPTED', 'IN_SERVICE', 'COMPLETED')";
        };
        var spec = db.sql("select o.* from service_order o where " + condition + """

                           and (cast(:afterTime as timestamptz) is null or (o.created_at, o.id) > (:afterTime, :afterId))
                         order by o.created_at, o.id limit :limit
                        """)
                .bind("partner", partnerId).bind("limit", page.limitPlusOne());
        return page(spec, page).map(OrderRepository::order).all();
    }

    // ---- partner statistics ----

    record Scorecard(long partnerId, int completedOrders, @Nullable Double averageQuality,
                     @Nullable Double averagePunctuality, @Nullable Double averageAttitude, @Nullable Double onTimeRate) {

        @Nullable Double averageRating() {
            if (averageQuality == null || averagePunctuality == null || averageAttitude == null) {
                return null;
            }
            return Math.round((averageQuality + averagePunctuality + averageAttitude) / 3 * 10) / 10.0;
        }
    }

    Flux<Scorecard> scorecards(Collection<Long> partnerIds) {
        return db.sql("""
                        select p.id as partner_id,
                               (select count(*) from service_order o where o.partner_id = p.id and o.status = 'CONFIRMED')
                                   as completed,
                               (select avg(rating_quality) from service_order o where o.partner_id = p.id) as quality,
                               (select avg(rating_punctuality) from service_order o where o.partner_id = p.id) as punctuality,
                               (select avg(rating_attitude) from service_order o where o.partner_id = p.id) as attitude,
                               (select count(*) filter (where to_status = 'ACCEPTED')::float8
                                       / nullif(count(*) filter (where to_status = 'DISPATCHED'), 0)
                                  from order_event e where e.partner_id = p.id) as on_time
                          from unnest(:ids) as p(id)
                        """)
                .bind("ids", Ids.array(partnerIds))
                .map(row -> new Scorecard(row.get("partner_id", Long.class), row.get("completed", Long.class).intValue(),
                        round(row.get("quality", java.math.BigDecimal.class)),
                        round(row.get("punctuality", java.math.BigDecimal.class)),
                        round(row.get("attitude", java.math.BigDecimal.class)),
                        row.get("on_time", Double.class) == null ? null
                                : Math.min(1.0, Math.round(row.get("on_time", Double.class) * 100) / 100.0)))
                .all();
    }

    // ---- helpers ----

    private static @Nullable Double round(java.math.@Nullable BigDecimal value) {
        return value == null ? null : Math.round(value.doubleValue() * 10) / 10.0;
    }

    private static DatabaseClient.GenericExecuteSpec bindText(DatabaseClient.GenericExecuteSpec spec, String name,
                                                              @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static DatabaseClient.GenericExecuteSpec page(DatabaseClient.GenericExecuteSpec spec, PageRequest page) {
        var after = page.after();
        spec = after == null ? spec.bindNull("afterTime", Instant.class) : spec.bind("afterTime", after.createdAt());
        return after == null ? spec.bindNull("afterId", Long.class) : spec.bind("afterId", after.id());
    }

    static ServiceOrder order(Readable row) {
        return new ServiceOrder(row.get("id", Long.class), row.get("household_id", Long.class),
                row.get("community_id", Long.class), row.get("resident_id", Long.class),
                row.get("category_id", Long.class), row.get("offering_id", Long.class),
                row.get("dispatch_mode", String.class), row.get("description", String.class),
                longs(row, "photo_ids"), optionalInstant(row, "preferred_from"), optionalInstant(row, "preferred_to"),
                row.get("urgency", String.class), row.get("contact_phone", String.class), row.get("status", String.class),
                Boolean.TRUE.equals(row.get("escalated", Boolean.class)), row.get("partner_id", Long.class),
                row.get("serving_member_id", Long.class), row.get("dispatch_round", Integer.class),
                optionalInstant(row, "accept_deadline"), row.get("minutes_spent", Integer.class),
                row.get("completion_notes", String.class), longs(row, "completion_photo_ids"),
                shortToInt(row.get("rating_quality", Short.class)), shortToInt(row.get("rating_punctuality", Short.class)),
                shortToInt(row.get("rating_attitude", Short.class)), row.get("rating_comment", String.class),
                optionalInstant(row, "completed_at"), optionalInstant(row, "confirmed_at"),
                row.get("request_hash", String.class), instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static @Nullable Integer shortToInt(@Nullable Short value) {
        return value == null ? null : value.intValue();
    }

    private static List<Long> longs(Readable row, String column) {
        Long[] values = row.get(column, Long[].class);
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant optionalInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
