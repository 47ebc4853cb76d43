package cn.linli.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;

import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class PartnerRepository {

    /** "Today" for contracts is the day in China, not in UTC. */
    static final String TODAY = " (now() at time zone 'Asia/Shanghai')::date ";

    private static final String PARTNER_COLUMNS =
            "p.id, p.name, p.kind, p.description, p.contact_phone, p.capacity, p.active_orders, p.online, p.created_at";
    private static final String OFFERING_COLUMNS = """
            o.id, o.partner_id, o.category_id, o.title, o.description, o.price_kind, o.price_points, o.price_fen,
            o.estimated_minutes, o.active, o.created_at""";

    private final DatabaseClient db;

    PartnerRepository(DatabaseClient db) {
        this.db = db;
    }

    // ---- categories ----

    Flux<ServiceCategory> categories() {
        return db.sql("select id, code, name, dispatch_mode, earns_points from service_category order by sort_order, id")
                .map(PartnerRepository::category).all();
    }

    Flux<ServiceCategory> categoriesByIds(Collection<Long> ids) {
        return db.sql("select id, code, name, dispatch_mode, earns_points from service_category where id = any(:ids)")
                .bind("ids", Ids.array(ids)).map(PartnerRepository::category).all();
    }

    Flux<ServiceCategory> categoriesByCodes(Collection<String> codes) {
        return db.sql("select id, code, name, dispatch_mode, earns_points from service_category where code = any(:codes)")
                .bind("codes", codes.toArray(String[]::new)).map(PartnerRepository::category).all();
    }

    record PartnerCategory(long partnerId, ServiceCategory category) {
    }

    Flux<PartnerCategory> categoriesOfPartners(Collection<Long> partnerIds) {
        return db.sql("""
                        select pc.partner_id, c.id, c.code, c.name, c.dispatch_mode, c.earns_points
                          from partner_category pc join service_category c on c.id = pc.category_id
                         where pc.partner_id = any(:ids) order by c.sort_order, c.id
                        """)
                .bind("ids", Ids.array(partnerIds))
                .map(row -> new PartnerCategory(row.get("partner_id", Long.class), category(row)))
                .all();
    }

    // ---- partners ----

    Flux<Partner> partnersByIds(Collection<Long> ids) {
        return db.sql("select " + PARTNER_COLUMNS + " from partner p where p.id = any(:ids)")
                .bind("ids", Ids.array(ids)).map(PartnerRepository::partner).all();
    }

    Mono<Long> insertPartner(String name, String kind, @Nullable String description, @Nullable String contactPhone,
                             int capacity) {
        var spec = db.sql("""
                insert into partner (name, kind, description, contact_phone, capacity)
                values (:name, :kind, :description, :phone, :capacity) returning id
                """).bind("name", name).bind("kind", kind).bind("capacity", capacity);
        spec = bindNullable(spec, "description", description);
        spec = bindNullable(spec, "phone", contactPhone);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    Mono<Void> addCategories(long partnerId, Collection<Long> categoryIds) {
        return db.sql("""
                        insert into partner_category (partner_id, category_id) select :partner, unnest(:ids)
                        on conflict do nothing
                        """)
                .bind("partner", partnerId).bind("ids", Ids.array(categoryIds)).then();
    }

    Mono<Void> insertContract(long partnerId, long communityId, LocalDate from, LocalDate to, long createdBy) {
        return db.sql("""
                        insert into partner_contract (partner_id, community_id, valid_from, valid_to, created_by)
                        values (:partner, :community, :from, :to, :by)
                        """)
                .bind("partner", partnerId).bind("community", communityId).bind("from", from).bind("to", to)
                .bind("by", createdBy).then();
    }

    Mono<Void> setOnline(long partnerId, boolean online) {
        return db.sql("update partner set online = :online where id = :id")
                .bind("online", online).bind("id", partnerId).then();
    }

    // ---- members ----

    /** Adds the member; false when the account already serves for a partner. */
    Mono<Boolean> addMember(long partnerId, long accountId, String role) {
        return db.sql("""
                        insert into partner_member (partner_id, account_id, role) values (:partner, :account, :role)
                        on conflict (account_id) do nothing
                        """)
                .bind("partner", partnerId).bind("account", accountId).bind("role", role)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Flux<PartnerMember> membersOfPartners(Collection<Long> partnerIds) {
        // display names are read from account (identity) for listing only
        return db.sql("""
                        select m.account_id, m.partner_id, m.role, a.nickname
                          from partner_member m join account a on a.id = m.account_id
                         where m.partner_id = any(:ids) order by m.role, m.joined_at, m.account_id
                        """)
                .bind("ids", Ids.array(partnerIds)).map(PartnerRepository::member).all();
    }

    Flux<PartnerMember> membersByAccounts(Collection<Long> accountIds) {
        return db.sql("""
                        select m.account_id, m.partner_id, m.role, a.nickname
                          from partner_member m join account a on a.id = m.account_id
                         where m.account_id = any(:ids)
                        """)
                .bind("ids", Ids.array(accountIds)).map(PartnerRepository::member).all();
    }

    // ---- contracts ----

    Flux<PartnerContract> contractsOfPartners(Collection<Long> partnerIds) {
        return db.sql("""
                        select id, partner_id, community_id, valid_from, valid_to from partner_contract
                         where partner_id = any(:ids) order by valid_from, id
                        """)
                .bind("ids", Ids.array(partnerIds))
                .map(row -> new PartnerContract(row.get("id", Long.class), row.get("partner_id", Long.class),
                        row.get("community_id", Long.class), row.get("valid_from", LocalDate.class),
                        row.get("valid_to", LocalDate.class)))
                .all();
    }

    Mono<Boolean> hasValidContract(long partnerId, long communityId) {
        return db.sql("select exists (select 1 from partner_contract where partner_id = :partner and community_id = :community"
                        + " and " + TODAY + " between valid_from and valid_to) as valid")
                .bind("partner", partnerId).bind("community", communityId)
                .map(row -> Boolean.TRUE.equals(row.get("valid", Boolean.class))).one();
    }

    // ---- dispatch ----

    /**
     * Partners that may take an order of this category in this community now: they serve the category, hold a
     * contract valid today, are online, below capacity, and are not excluded (they declined this order).
     */
    Flux<EligiblePartner> eligible(long categoryId, long communityId, Collection<Long> excluded, @Nullable Long onlyPartner) {
        var spec = db.sql("select " + PARTNER_COLUMNS + """
                        , (select count(*) from partner_assignment a
                            where a.partner_id = p.id and a.assigned_at > now() - interval '7 days') as recent
                          from partner p
                         where p.online and p.active_orders < p.capacity
                           and exists (select 1 from partner_category pc where pc.partner_id = p.id and pc.category_id = :category)
                           and exists (select 1 from partner_contract c where c.partner_id = p.id and c.community_id = :community
                                        and """ + TODAY + """
                 between c.valid_from and c.valid_to)
                           and not (p.id = any(:excluded))
                           and (cast(:only as bigint) is null or p.id = :only)
                        """)
                .bind("category", categoryId).bind("community", communityId).bind("excluded", Ids.array(excluded));
        spec = onlyPartner == null ? spec.bindNull("only", Long.class) : spec.bind("only", onlyPartner);
        return spec.map(row -> new EligiblePartner(partner(row), row.get("recent", Long.class).intValue())).all();
    }

    /** Takes one unit of the partner's capacity; false when it is full (or offline, if that matters). */
    Mono<Boolean> reserve(long partnerId, long orderId, boolean requireOnline) {
        return db.sql("""
                        update partner set active_orders = active_orders + 1
                         where id = :id and active_orders < capacity and (online or not :requireOnline)
                        """)
                .bind("id", partnerId).bind("requireOnline", requireOnline)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.just(false) : db.sql(
                                "insert into partner_assignment (partner_id, order_id) values (:partner, :order)")
                        .bind("partner", partnerId).bind("order", orderId).then().thenReturn(true));
    }

    Mono<Void> release(long partnerId) {
        return db.sql("update partner set active_orders = active_orders - 1 where id = :id and active_orders > 0")
                .bind("id", partnerId).then();
    }

    // ---- offerings ----

    Mono<Long> insertOffering(long partnerId, long categoryId, String title, @Nullable String description,
                              String priceKind, @Nullable Integer points, @Nullable Integer fen, int minutes) {
        var spec = db.sql("""
                insert into offering (partner_id, category_id, title, description, price_kind, price_points, price_fen,
                                      estimated_minutes)
                values (:partner, :category, :title, :description, :kind, :points, :fen, :minutes) returning id
                """).bind("partner", partnerId).bind("category", categoryId).bind("title", title)
                .bind("kind", priceKind).bind("minutes", minutes);
        spec = bindNullable(spec, "description", description);
        spec = points == null ? spec.bindNull("points", Integer.class) : spec.bind("points", points);
        spec = fen == null ? spec.bindNull("fen", Integer.class) : spec.bind("fen", fen);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    Mono<Void> updateOffering(long id, @Nullable String title, @Nullable String description, @Nullable Integer minutes,
                              @Nullable Boolean active) {
        var spec = db.sql("""
                update offering set title = coalesce(:title, title), description = coalesce(:description, description),
                       estimated_minutes = coalesce(:minutes, estimated_minutes), active = coalesce(:active, active)
                 where id = :id
                """).bind("id", id);
        spec = bindNullable(spec, "title", title);
        spec = bindNullable(spec, "description", description);
        spec = minutes == null ? spec.bindNull("minutes", Integer.class) : spec.bind("minutes", minutes);
        spec = active == null ? spec.bindNull("active", Boolean.class) : spec.bind("active", active);
        return spec.then();
    }

    Flux<Offering> offeringsByIds(Collection<Long> ids) {
        return db.sql("select " + OFFERING_COLUMNS + " from offering o where o.id = any(:ids)")
                .bind("ids", Ids.array(ids)).map(PartnerRepository::offering).all();
    }

    Flux<Offering> activeOfferingsOfPartners(Collection<Long> partnerIds) {
        return db.sql("select " + OFFERING_COLUMNS + " from offering o where o.partner_id = any(:ids) and o.active"
                        + " order by o.created_at, o.id")
                .bind("ids", Ids.array(partnerIds)).map(PartnerRepository::offering).all();
    }

    Flux<Offering> offeringsInCommunity(long communityId, @Nullable Long categoryId, PageRequest page) {
        var spec = db.sql("select " + OFFERING_COLUMNS + """
                  from offering o
                 where o.active
                   and (cast(:category as bigint) is null or o.category_id = :category)
                   and exists (select 1 from partner_contract c where c.partner_id = o.partner_id
                                and c.community_id = :community and """ + TODAY + """
                 between c.valid_from and c.valid_to)
                   and (cast(:afterTime as timestamptz) is null or (o.created_at, o.id) > (:afterTime, :afterId))
                 order by o.created_at, o.id
                 limit :limit
                """).bind("community", communityId).bind("limit", page.limitPlusOne());
        spec = categoryId == null ? spec.bindNull("category", Long.class) : spec.bind("category", categoryId);
        var after = page.after();
        spec = after == null ? spec.bindNull("afterTime", Instant.class) : spec.bind("afterTime", after.createdAt());
        spec = after == null ? spec.bindNull("afterId", Long.class) : spec.bind("afterId", after.id());
        return spec.map(PartnerRepository::offering).all();
    }

    // ---- mapping ----

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                  @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static ServiceCategory category(Readable row) {
        return new ServiceCategory(row.get("id", Long.class), row.get("code", String.class), row.get("name", String.class),
                row.get("dispatch_mode", String.class), Boolean.TRUE.equals(row.get("earns_points", Boolean.class)));
    }

    private static Partner partner(Readable row) {
        return new Partner(row.get("id", Long.class), row.get("name", String.class), row.get("kind", String.class),
                row.get("description", String.class), row.get("contact_phone", String.class),
                row.get("capacity", Integer.class), row.get("active_orders", Integer.class),
                Boolean.TRUE.equals(row.get("online", Boolean.class)), instant(row, "created_at"));
    }

    private static PartnerMember member(Readable row) {
        return new PartnerMember(row.get("account_id", Long.class), row.get("partner_id", Long.class),
                row.get("nickname", String.class), row.get("role", String.class));
    }

    private static Offering offering(Readable row) {
        return new Offering(row.get("id", Long.class), row.get("partner_id", Long.class),
                row.get("category_id", Long.class), row.get("title", String.class), row.get("description", String.class),
                row.get("price_kind", String.class), row.get("price_points", Integer.class),
                row.get("price_fen", Integer.class), row.get("estimated_minutes", Integer.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)), instant(row, "created_at"));
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }
}
