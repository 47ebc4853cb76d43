package cn.linli.order;

import java.util.Collection;

import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for the timeline: one row per transition, written in the transition's transaction. */
@Repository
class OrderTimeline {

    private final DatabaseClient db;

    OrderTimeline(DatabaseClient db) {
        this.db = db;
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

    Flux<OrderEvent> eventsOfOrders(Collection<Long> orderIds) {
        return db.sql("""
                        select id, order_id, actor_id, actor_kind, from_status as "from", to_status as "to", partner_id,
                               reason, created_at as at
                          from order_event where order_id = any(:ids) order by id
                        """)
                .bind("ids", Ids.array(orderIds))
                .mapProperties(OrderEvent.class).all();
    }
}
