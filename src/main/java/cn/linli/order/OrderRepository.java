package cn.linli.order;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.crypto.SealedColumn;
import cn.linli.platform.crypto.SealedColumns;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for order rows. Every state change is a conditional update ({@code … where status = any(:from)}, the sources
 * {@link OrderLifecycle} gives for the action) whose returned row says whether it happened: the database, not Java,
 * decides who wins a race. One method per change, its SQL beside it.
 */
@Repository
class OrderRepository implements SealedColumns {

    /** First key of the two-key advisory lock, so dispatch locks never collide with other uses of advisory locks. */
    private static final int DISPATCH_LOCK_NAMESPACE = 7001;

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    OrderRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** The contact phone is sealed; rows carry it sealed and it is opened where it is shown. */
    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.phone("service_order", "contact_phone", null));
    }

    record NewOrder(long householdId, long communityId, long residentId, long categoryId, @Nullable Long offeringId,
                    DispatchMode dispatchMode, String description, List<Long> photoIds, @Nullable Instant preferredFrom,
                    @Nullable Instant preferredTo, Urgency urgency, String contactPhone, String idempotencyKey,
                    String requestHash) {
    }

    /** Inserts the order; empty when this resident already used the idempotency key. */
    Mono<ServiceOrder> insert(NewOrder order) {
        return db.sql("""
                        insert into service_order (household_id, community_id, resident_id, category_id, offering_id,
                            dispatch_mode, description, photo_ids, preferred_from, preferred_to, urgency, contact_phone,
                            status, idempotency_key, request_hash)
                        values (:household, :community, :resident, :category, :offering, :mode, :description, :photos,
                            :from, :to, :urgency, :phone, :status, :key, :hash)
                        on conflict (resident_id, idempotency_key) do nothing
                        returning *
                        """)
                .bind("household", order.householdId()).bind("community", order.communityId())
                .bind("resident", order.residentId()).bind("category", order.categoryId())
                .bind("offering", Binds.nullable(order.offeringId(), Long.class))
                .bind("mode", order.dispatchMode().name()).bind("description", order.description())
                .bind("photos", order.photoIds().toArray(Long[]::new))
                .bind("from", Binds.nullable(order.preferredFrom(), Instant.class))
                .bind("to", Binds.nullable(order.preferredTo(), Instant.class))
                .bind("urgency", order.urgency().name()).bind("phone", cipher.seal(order.contactPhone()))
                .bind("status", OrderLifecycle.INITIAL.name())
                .bind("key", order.idempotencyKey()).bind("hash", order.requestHash())
                .mapProperties(ServiceOrder.class).one();
    }

    Mono<ServiceOrder> findByIdempotencyKey(long residentId, String key) {
        return db.sql("select * from service_order where resident_id = :resident and idempotency_key = :key")
                .bind("resident", residentId).bind("key", key).mapProperties(ServiceOrder.class).one();
    }

    Mono<ServiceOrder> findById(long id) {
        return db.sql("select * from service_order where id = :id").bind("id", id).mapProperties(ServiceOrder.class).one();
    }

    Flux<ServiceOrder> findByIds(Collection<Long> ids) {
        return db.sql("select * from service_order where id = any(:ids)").bind("ids", Ids.array(ids))
                .mapProperties(ServiceOrder.class).all();
    }

    /**
     * Locks the order row, and then its community's dispatch lock, for the rest of the transaction: every transition
     * takes these first. Transitions move capacity between partners (release one, reserve another); serialising them
     * per community means two of them never lock the same partners in opposite orders (a deadlock). A community's
     * orders change a few times a minute, so the queue this forms is short.
     */
    Mono<ServiceOrder> lock(long id) {
        return db.sql("select * from service_order where id = :id for update").bind("id", id)
                .mapProperties(ServiceOrder.class).one()
                .flatMap(order -> lockCommunity(order.communityId()).thenReturn(order));
    }

    /** The community's dispatch lock (a transaction-scoped advisory lock), for transitions of a new order. */
    Mono<Void> lockCommunity(long communityId) {
        return db.sql("select pg_advisory_xact_lock(:namespace, cast(:community as int))")
                .bind("namespace", DISPATCH_LOCK_NAMESPACE).bind("community", (int) communityId)
                .then();
    }

    // ---- the transitions: each empty when the order was no longer in a source state ----

    /** To a partner whose capacity the caller reserved, or (partner null) offered to grab, with an accept deadline. */
    Mono<ServiceOrder> dispatch(long id, @Nullable Long partnerId, Instant deadline) {
        return guarded(OrderAction.DISPATCH, id, """
                partner_id = :partner, accept_deadline = :deadline, escalated = false, dispatch_round = dispatch_round + 1
                """)
                .bind("partner", Binds.nullable(partnerId, Long.class)).bind("deadline", deadline)
                .mapProperties(ServiceOrder.class).one();
    }

    /** Back to the staff queue, flagged. */
    Mono<ServiceOrder> escalate(long id) {
        return guarded(OrderAction.ESCALATE, id, "partner_id = null, accept_deadline = null, escalated = true")
                .mapProperties(ServiceOrder.class).one();
    }

    /** Taken back from its partner ({@link OrderAction#DECLINE} or {@link OrderAction#EXPIRE}) to be sent on. */
    Mono<ServiceOrder> takeBack(long id, OrderAction action) {
        return guarded(action, id, "partner_id = null, accept_deadline = null")
                .mapProperties(ServiceOrder.class).one();
    }

    /** Accepted by the partner it was dispatched to. */
    Mono<ServiceOrder> accept(long id, long servingMemberId) {
        return guarded(OrderAction.ACCEPT, id, "serving_member_id = :serving")
                .bind("serving", servingMemberId).mapProperties(ServiceOrder.class).one();
    }

    /** Grabbed: only while no partner has it yet. */
    Mono<ServiceOrder> grab(long id, long partnerId, long servingMemberId) {
        return db.sql(update("partner_id = :partner, serving_member_id = :serving")
                        + " and partner_id is null returning *")
                .bind("id", id).bind("from", sources(OrderAction.ACCEPT)).bind("to", target(OrderAction.ACCEPT))
                .bind("partner", partnerId).bind("serving", servingMemberId)
                .mapProperties(ServiceOrder.class).one();
    }

    Mono<ServiceOrder> start(long id) {
        return guarded(OrderAction.START, id, "accept_deadline = null").mapProperties(ServiceOrder.class).one();
    }

    Mono<ServiceOrder> complete(long id, int minutes, @Nullable String notes, List<Long> photoIds) {
        return guarded(OrderAction.COMPLETE, id, """
                completed_at = now(), minutes_spent = :minutes, completion_notes = :notes, completion_photo_ids = :photos
                """)
                .bind("minutes", minutes).bind("notes", Binds.nullable(notes, String.class))
                .bind("photos", photoIds.toArray(Long[]::new))
                .mapProperties(ServiceOrder.class).one();
    }

    record Rating(short quality, short punctuality, short attitude, @Nullable String comment) {
    }

    Mono<ServiceOrder> confirm(long id, Rating rating) {
        return guarded(OrderAction.CONFIRM, id, """
                confirmed_at = now(), rating_quality = :q, rating_punctuality = :p, rating_attitude = :a, rating_comment = :c
                """)
                .bind("q", rating.quality()).bind("p", rating.punctuality()).bind("a", rating.attitude())
                .bind("c", Binds.nullable(rating.comment(), String.class))
                .mapProperties(ServiceOrder.class).one();
    }

    /** Confirmed by silence, without a rating. */
    Mono<ServiceOrder> autoConfirm(long id) {
        return guarded(OrderAction.AUTO_CONFIRM, id, "confirmed_at = now()").mapProperties(ServiceOrder.class).one();
    }

    /** Cancelled, from the states this canceller may cancel from. */
    Mono<ServiceOrder> cancel(long id, Set<OrderStatus> from) {
        return db.sql(update("accept_deadline = null") + " returning *")
                .bind("id", id).bind("from", OrderStatus.names(from)).bind("to", target(OrderAction.CANCEL))
                .mapProperties(ServiceOrder.class).one();
    }

    /** {@code update … set status = :to, <set> where id = :id and status = any(:from)}, from the action's sources. */
    private GenericExecuteSpec guarded(OrderAction action, long id, String set) {
        return db.sql(update(set) + " returning *")
                .bind("id", id).bind("from", sources(action)).bind("to", target(action));
    }

    private static String update(String set) {
        return "update service_order set status = :to, " + set.strip() + ", updated_at = now()"
                + " where id = :id and status = any(:from)";
    }

    private static String[] sources(OrderAction action) {
        return OrderStatus.names(OrderLifecycle.sourcesOf(action));
    }

    private static String target(OrderAction action) {
        return OrderLifecycle.targetOf(action).name();
    }
}
