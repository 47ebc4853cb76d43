package cn.linli.partner;

import java.util.Collection;

import cn.linli.platform.graphql.Ids;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Service categories and which partners serve them. */
@Repository
class CategoryRepository {

    private static final String COLUMNS = "c.id, c.code, c.name, c.dispatch_mode, c.earns_points";

    /** A category a partner serves, as one row. */
    record PartnerCategory(long partnerId, long id, String code, String name, String dispatchMode, boolean earnsPoints) {

        ServiceCategory category() {
            return new ServiceCategory(id, code, name, dispatchMode, earnsPoints);
        }
    }

    private final DatabaseClient db;

    CategoryRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<ServiceCategory> all() {
        return db.sql("select " + COLUMNS + " from service_category c order by c.sort_order, c.id")
                .mapProperties(ServiceCategory.class).all();
    }

    Flux<ServiceCategory> byIds(Collection<Long> ids) {
        return db.sql("select " + COLUMNS + " from service_category c where c.id = any(:ids)")
                .bind("ids", Ids.array(ids)).mapProperties(ServiceCategory.class).all();
    }

    Flux<ServiceCategory> byCodes(Collection<String> codes) {
        return db.sql("select " + COLUMNS + " from service_category c where c.code = any(:codes)")
                .bind("codes", codes.toArray(String[]::new)).mapProperties(ServiceCategory.class).all();
    }

    Flux<PartnerCategory> ofPartners(Collection<Long> partnerIds) {
        return db.sql("select pc.partner_id, " + COLUMNS + """
                          from partner_category pc join service_category c on c.id = pc.category_id
                         where pc.partner_id = any(:ids) order by c.sort_order, c.id
                        """)
                .bind("ids", Ids.array(partnerIds)).mapProperties(PartnerCategory.class).all();
    }

    Mono<Boolean> serves(long partnerId, long categoryId) {
        return db.sql("select exists (select 1 from partner_category where partner_id = :p and category_id = :c) as serves")
                .bind("p", partnerId).bind("c", categoryId)
                .map(row -> Boolean.TRUE.equals(row.get("serves", Boolean.class))).one();
    }

    Mono<Void> addToPartner(long partnerId, Collection<Long> categoryIds) {
        return db.sql("""
                        insert into partner_category (partner_id, category_id) select :partner, unnest(:ids)
                        on conflict do nothing
                        """)
                .bind("partner", partnerId).bind("ids", Ids.array(categoryIds)).then();
    }
}
