package cn.linli.order;

import java.util.Collection;
import java.util.List;

import cn.linli.platform.graphql.Ids;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** SQL for who was offered an order to grab, and who turned it down (or let its deadline pass). */
@Repository
class OfferRepository {

    private final DatabaseClient db;

    OfferRepository(DatabaseClient db) {
        this.db = db;
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
                                          and o.status = any(:offered) and o.partner_id is null
                                          and not exists (select 1 from order_decline d
                                                           where d.order_id = f.order_id and d.partner_id = f.partner_id))
                               as offered
                        """)
                .bind("order", orderId).bind("partner", partnerId)
                .bind("offered", OrderStatus.names(InboxFilter.GRAB_OFFERS.statuses()))
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
                .mapProperties(PartnerHistory.class).one();
    }
}
