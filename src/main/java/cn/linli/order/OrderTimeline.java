package cn.linli.order;

import java.time.Instant;
import java.util.Collection;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for the timeline: one row per transition, written in the transition's transaction. */
@Repository
class OrderTimeline {

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    OrderTimeline(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    Mono<Void> record(long orderId, Actor actor, @Nullable OrderStatus from, OrderStatus to, @Nullable Long partnerId,
                      @Nullable String reason) {
        return db.sql("""
                        insert into order_event (order_id, actor_id, actor_kind, from_status, to_status, partner_id, reason)
                        values (:order, :actor, :kind, :from, :to, :partner, :reason)
                        """)
                .bind("order", orderId).bind("actor", Binds.nullable(actor.accountId(), Long.class))
                .bind("kind", actor.kind().name())
                .bind("from", Binds.nullable(from == null ? null : from.name(), String.class)).bind("to", to.name())
                .bind("partner", Binds.nullable(partnerId, Long.class))
                .bind("reason", Binds.nullable(reason, String.class))
                .then();
    }

    /** The orders' events, oldest first, each with its actor and partner (joined in: one statement for all). */
    Flux<OrderEvent> eventsOfOrders(Collection<Long> orderIds) {
        return db.sql("""
                        select e.id, e.order_id, e.actor_id, e.actor_kind, e.from_status, e.to_status, e.partner_id,
                               e.reason, e.created_at, a.id as a_id, a.nickname as a_nickname,
                               p.id as p_id, p.name as p_name, p.kind as p_kind, p.description as p_description,
                               p.contact_phone as p_contact_phone, p.capacity as p_capacity,
                               p.active_orders as p_active_orders, p.online as p_online, p.created_at as p_created_at
                          from order_event e
                          left join account a on a.id = e.actor_id
                          left join partner p on p.id = e.partner_id
                         where e.order_id = any(:ids) order by e.id
                        """)
                .bind("ids", Ids.array(orderIds))
                .map(this::event).all();
    }

    private OrderEvent event(Readable row) {
        String from = row.get("from_status", String.class);
        return new OrderEvent(row.get("id", Long.class), row.get("order_id", Long.class), row.get("actor_id", Long.class),
                ActorKind.valueOf(row.get("actor_kind", String.class)), from == null ? null : OrderStatus.valueOf(from),
                OrderStatus.valueOf(row.get("to_status", String.class)), row.get("partner_id", Long.class),
                row.get("reason", String.class), row.get("created_at", Instant.class),
                ListedOrder.Mapper.person(row, "a_"), ListedOrder.Mapper.partner(row, cipher));
    }
}
