package cn.linli.partner;

import java.util.Collection;

import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 服务清单: the offerings of partners. */
@Repository
class OfferingRepository {

    private static final String COLUMNS = """
            o.id, o.partner_id, o.category_id, o.title, o.description, o.price_kind, o.price_points, o.price_fen,
            o.estimated_minutes, o.active, o.created_at""";

    private final DatabaseClient db;

    OfferingRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long partnerId, long categoryId, String title, @Nullable String description, PriceKind kind,
                      PriceKind.Price price, int minutes) {
        return db.sql("""
                        insert into offering (partner_id, category_id, title, description, price_kind, price_points, price_fen,
                                              estimated_minutes)
                        values (:partner, :category, :title, :description, :kind, :points, :fen, :minutes) returning id
                        """)
                .bind("partner", partnerId).bind("category", categoryId).bind("title", title)
                .bind("description", Binds.nullable(description, String.class))
                .bind("kind", kind.name())
                .bind("points", Binds.nullable(price.points(), Integer.class))
                .bind("fen", Binds.nullable(price.fen(), Integer.class))
                .bind("minutes", minutes)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** Sets the given fields; a null argument leaves that column as it is. */
    Mono<Void> update(long id, @Nullable String title, @Nullable String description, @Nullable Integer minutes,
                      @Nullable Boolean active) {
        return db.sql("""
                        update offering set title = coalesce(:title, title), description = coalesce(:description, description),
                               estimated_minutes = coalesce(:minutes, estimated_minutes), active = coalesce(:active, active)
                         where id = :id
                        """)
                .bind("id", id)
                .bind("title", Binds.nullable(title, String.class))
                .bind("description", Binds.nullable(description, String.class))
                .bind("minutes", Binds.nullable(minutes, Integer.class))
                .bind("active", Binds.nullable(active, Boolean.class))
                .then();
    }

    Flux<Offering> byIds(Collection<Long> ids) {
        return db.sql("select " + COLUMNS + " from offering o where o.id = any(:ids)")
                .bind("ids", Ids.array(ids)).mapProperties(Offering.class).all();
    }

    Flux<Offering> activeOfPartners(Collection<Long> partnerIds) {
        return db.sql("select " + COLUMNS + " from offering o where o.partner_id = any(:ids) and o.active"
                        + " order by o.created_at, o.id")
                .bind("ids", Ids.array(partnerIds)).mapProperties(Offering.class).all();
    }

    /** Active offerings of partners under a contract valid today with the community, oldest first. */
    Flux<Offering> inCommunity(long communityId, @Nullable Long categoryId, PageRequest page) {
        var spec = db.sql("select " + COLUMNS + """
                          from offering o
                         where o.active
                           and (cast(:category as bigint) is null or o.category_id = :category)
                           and exists (select 1 from partner_contract c where c.partner_id = o.partner_id
                                        and c.community_id = :community and """ + PartnerRepository.TODAY + """
                 between c.valid_from and c.valid_to)
                           and """ + PageRequest.after("o.") + """
                 order by o.created_at, o.id
                         limit :limit
                        """)
                .bind("community", communityId)
                .bind("category", Binds.nullable(categoryId, Long.class));
        return page.bind(spec).mapProperties(Offering.class).all();
    }
}
