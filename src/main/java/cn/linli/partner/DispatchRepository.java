package cn.linli.partner;

import java.time.Instant;
import java.util.Collection;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What dispatch asks of partners: who may take an order now, and the capacity counter. The counter is guarded in the
 * update itself ({@code active_orders < capacity}, and a check constraint), so concurrent dispatches never overfill it.
 */
@Repository
class DispatchRepository {

    /** A partner row with its assignments of the last seven days (the fair-rotation count). */
    record EligibleRow(long id, String name, PartnerKind kind, @Nullable String description, @Nullable String contactPhone,
                       int capacity, int activeOrders, boolean online, Instant createdAt, long recent) {

        EligiblePartner eligible(PersonalDataCipher cipher) {
            return new EligiblePartner(new Partner(id, name, kind, description, cipher.open(contactPhone), capacity,
                    activeOrders, online, createdAt), (int) recent);
        }
    }

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    DispatchRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /**
     * Partners that may take an order of this category in this community now: they serve the category, hold a
     * contract valid today, are online, below capacity, and are not excluded (they declined this order).
     */
    Flux<EligiblePartner> eligible(long categoryId, long communityId, Collection<Long> excluded, @Nullable Long onlyPartner) {
        return db.sql("select " + PartnerRepository.PARTNER_COLUMNS + """
                        , (select count(*) from partner_assignment a
                            where a.partner_id = p.id and a.assigned_at > now() - interval '7 days') as recent
                          from partner p
                         where p.online and p.active_orders < p.capacity
                           and exists (select 1 from partner_category pc where pc.partner_id = p.id and pc.category_id = :category)
                           and exists (select 1 from partner_contract c where c.partner_id = p.id and c.community_id = :community
                                        and """ + PartnerRepository.TODAY + """
                 between c.valid_from and c.valid_to)
                           and not (p.id = any(:excluded))
                           and (cast(:only as bigint) is null or p.id = :only)
                        """)
                .bind("category", categoryId).bind("community", communityId).bind("excluded", Ids.array(excluded))
                .bind("only", Binds.nullable(onlyPartner, Long.class))
                .mapProperties(EligibleRow.class).all()
                .map(row -> row.eligible(cipher));
    }

    /** Takes one unit of the partner's capacity; false when it is full (or offline, if that matters). */
    Mono<Boolean> reserve(long partnerId, long orderId, boolean requireOnline) {
        return db.sql("""
                        update partner set active_orders = active_orders + 1
                         where id = :id and active_orders < capacity and (online or not :requireOnline)
                        """)
                .bind("id", partnerId).bind("requireOnline", requireOnline)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.just(false) : recordAssignment(partnerId, orderId).thenReturn(true));
    }

    private Mono<Void> recordAssignment(long partnerId, long orderId) {
        return db.sql("insert into partner_assignment (partner_id, order_id) values (:partner, :order)")
                .bind("partner", partnerId).bind("order", orderId).then();
    }

    Mono<Void> release(long partnerId) {
        return db.sql("update partner set active_orders = active_orders - 1 where id = :id and active_orders > 0")
                .bind("id", partnerId).then();
    }
}
