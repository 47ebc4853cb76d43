package cn.linli.order;

import java.math.BigDecimal;
import java.util.Collection;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * SQL for the order lists (keyset pages on {@code (created_at, id)}), each page with its orders' to-one relations
 * joined in ({@link ListedOrder}), and the partners' scorecards.
 */
@Repository
class OrderLists {

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    OrderLists(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** A resident's orders, newest first. */
    Flux<ListedOrder> ofHouseholds(Collection<Long> householdIds, @Nullable OrderStatus status, PageRequest page) {
        var spec = db.sql("select " + ListedOrder.COLUMNS + ListedOrder.FROM + """
                         where o.household_id = any(:households)
                           and (cast(:status as text) is null or o.status = :status)
                           and %s
                         order by o.created_at desc, o.id desc limit :limit
                        """.formatted(PageRequest.before("o.")))
                .bind("households", Ids.array(householdIds)).bind("status", name(status));
        return listed(page.bind(spec));
    }

    /** A community's orders for its staff, oldest first. */
    Flux<ListedOrder> queue(long communityId, @Nullable OrderStatus status, @Nullable Urgency urgency,
                            @Nullable Boolean escalated, PageRequest page) {
        var spec = db.sql("select " + ListedOrder.COLUMNS + ListedOrder.FROM + QUEUE);
        return listed(page.bind(bindQueue(spec, communityId, status, urgency, escalated)));
    }

    /**
     * The board's filters and order, after {@code select ... from} {@link ListedOrder#FROM}: one text for the general
     * path and the compiled board ({@link DispatchBoardRows}), so the two cannot page differently.
     */
    static final String QUEUE = """
             where o.community_id = :community
               and (cast(:status as text) is null or o.status = :status)
               and (cast(:urgency as text) is null or o.urgency = :urgency)
               and (cast(:escalated as boolean) is null or o.escalated = :escalated)
               and %s
             order by o.created_at, o.id limit :limit
            """.formatted(PageRequest.after("o."));

    static GenericExecuteSpec bindQueue(GenericExecuteSpec spec, long communityId, @Nullable OrderStatus status,
                                        @Nullable Urgency urgency, @Nullable Boolean escalated) {
        return spec.bind("community", communityId).bind("status", name(status)).bind("urgency", name(urgency))
                .bind("escalated", Binds.nullable(escalated, Boolean.class));
    }

    /** A partner's inbox, oldest first: its own orders in the filter's states, or the grab offers it may still take. */
    Flux<ListedOrder> inbox(long partnerId, InboxFilter filter, PageRequest page) {
        String whose = filter == InboxFilter.GRAB_OFFERS ? """
                o.partner_id is null
                and exists (select 1 from order_offer oo where oo.order_id = o.id and oo.partner_id = :partner)
                and not exists (select 1 from order_decline d where d.order_id = o.id and d.partner_id = :partner)"""
                : "o.partner_id = :partner";
        var spec = db.sql("select " + ListedOrder.COLUMNS + ListedOrder.FROM + """
                         where %s
                           and o.status = any(:statuses)
                           and %s
                         order by o.created_at, o.id limit :limit
                        """.formatted(whose, PageRequest.after("o.")))
                .bind("partner", partnerId).bind("statuses", OrderStatus.names(filter.statuses()));
        return listed(page.bind(spec));
    }

    private Flux<ListedOrder> listed(GenericExecuteSpec spec) {
        ListedOrder.Mapper mapper = new ListedOrder.Mapper(cipher);
        return spec.map(mapper::map).all();
    }

    Flux<Scorecard> scorecards(Collection<Long> partnerIds) {
        return db.sql("""
                        select p.id as partner_id,
                               (select count(*) from service_order o where o.partner_id = p.id and o.status = :confirmed)
                                   as completed,
                               (select avg(rating_quality) from service_order o where o.partner_id = p.id) as quality,
                               (select avg(rating_punctuality) from service_order o where o.partner_id = p.id) as punctuality,
                               (select avg(rating_attitude) from service_order o where o.partner_id = p.id) as attitude,
                               (select count(*) filter (where to_status = :accepted)::float8
                                       / nullif(count(*) filter (where to_status = :dispatched), 0)
                                  from order_event e where e.partner_id = p.id) as on_time
                          from unnest(:ids) as p(id)
                        """)
                .bind("ids", Ids.array(partnerIds)).bind("confirmed", OrderStatus.CONFIRMED.name())
                .bind("accepted", OrderLifecycle.targetOf(OrderAction.ACCEPT).name())
                .bind("dispatched", OrderLifecycle.targetOf(OrderAction.DISPATCH).name())
                .map(row -> new Scorecard(row.get("partner_id", Long.class), row.get("completed", Long.class).intValue(),
                        round(row.get("quality", BigDecimal.class)), round(row.get("punctuality", BigDecimal.class)),
                        round(row.get("attitude", BigDecimal.class)), rate(row.get("on_time", Double.class))))
                .all();
    }

    private static @Nullable Double round(@Nullable BigDecimal value) {
        return value == null ? null : Math.round(value.doubleValue() * 10) / 10.0;
    }

    private static @Nullable Double rate(@Nullable Double value) {
        return value == null ? null : Math.min(1.0, Math.round(value * 100) / 100.0);
    }

    private static Object name(@Nullable Enum<?> value) {
        return Binds.nullable(value == null ? null : value.name(), String.class);
    }
}
