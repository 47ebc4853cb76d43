package cn.linli.partner;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eligibility and capacity rules dispatch relies on, against the embedded database: each condition of
 * eligibility on its own, and the capacity counter that never goes over capacity or below zero.
 */
class DispatchRepositoryTest extends IntegrationTest {

    @Autowired
    DispatchRepository dispatch;

    record Fixture(long category, long community, long partner) {
    }

    /** A fresh category and a partner of capacity 2 serving it in 锦城社区 under a contract valid today. */
    private Fixture fixture(String validFrom, String validTo) {
        StringBuilder code = new StringBuilder("D_");
        for (int i = 0; i < 10; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        long category = db.sql("insert into service_category (code, name, dispatch_mode) values (:c, '派单测试', 'AUTO') returning id")
                .bind("c", code.toString()).map(row -> row.get("id", Long.class)).one().block();
        long community = db.sql("select id from community where name = '锦城社区'").map(row -> row.get("id", Long.class)).one().block();
        long partner = db.sql("""
                        with p as (insert into partner (name, kind, capacity) values ('派单测试队', 'CRAFTSMAN', 2) returning id),
                             c as (insert into partner_category select p.id, :category from p),
                             k as (insert into partner_contract (partner_id, community_id, valid_from, valid_to)
                                   select p.id, :community, cast(:from as date), cast(:to as date) from p)
                        select id from p
                        """)
                .bind("category", category).bind("community", community).bind("from", validFrom).bind("to", validTo)
                .map(row -> row.get("id", Long.class)).one().block();
        return new Fixture(category, community, partner);
    }

    private Fixture current() {
        return fixture("2020-01-01", "2099-12-31");
    }

    private List<Long> eligible(Fixture f, List<Long> excluded) {
        return dispatch.eligible(f.category(), f.community(), excluded, null).map(e -> e.partner().id()).collectList().block();
    }

    @Test
    void aPartnerServingTheCategoryUnderAValidContractOnlineAndWithRoomIsEligible() {
        Fixture f = current();
        assertThat(eligible(f, List.of())).containsExactly(f.partner());
        assertThat(dispatch.eligible(f.category(), f.community(), List.of(), f.partner()).count().block()).isEqualTo(1);
    }

    @Test
    void eachConditionAloneMakesItIneligible() {
        Fixture declined = current();
        assertThat(eligible(declined, List.of(declined.partner()))).as("declined this order").isEmpty();

        Fixture offline = current();
        db.sql("update partner set online = false where id = :id").bind("id", offline.partner()).then().block();
        assertThat(eligible(offline, List.of())).as("offline").isEmpty();

        Fixture expired = fixture("2020-01-01", "2020-12-31");
        assertThat(eligible(expired, List.of())).as("contract over").isEmpty();

        Fixture future = fixture("2099-01-01", "2099-12-31");
        assertThat(eligible(future, List.of())).as("contract not begun").isEmpty();

        Fixture full = current();
        assertThat(dispatch.reserve(full.partner(), 1, true).block()).isTrue();
        assertThat(dispatch.reserve(full.partner(), 2, true).block()).isTrue();
        assertThat(eligible(full, List.of())).as("at capacity").isEmpty();
    }

    @Test
    void capacityIsNeverExceededNorReleasedBelowZero() {
        Fixture f = current();
        assertThat(dispatch.reserve(f.partner(), 1, true).block()).isTrue();
        assertThat(dispatch.reserve(f.partner(), 2, true).block()).isTrue();
        assertThat(dispatch.reserve(f.partner(), 3, true).block()).as("full").isFalse();
        assertThat(activeOrders(f)).isEqualTo(2);
        assertThat(dispatch.eligible(f.category(), f.community(), List.of(), f.partner()).blockFirst()).isNull();

        dispatch.release(f.partner()).block();
        dispatch.release(f.partner()).block();
        dispatch.release(f.partner()).block();
        assertThat(activeOrders(f)).isZero();

        db.sql("update partner set online = false where id = :id").bind("id", f.partner()).then().block();
        assertThat(dispatch.reserve(f.partner(), 4, true).block()).as("offline, online required").isFalse();
        assertThat(dispatch.reserve(f.partner(), 4, false).block()).as("offline, staff assigning").isTrue();
        assertThat(count("select count(*) from partner_assignment where partner_id = " + f.partner())).isEqualTo(3);
    }

    private long activeOrders(Fixture f) {
        return db.sql("select active_orders from partner where id = :id").bind("id", f.partner())
                .map(row -> row.get("active_orders", Integer.class)).one().block();
    }
}
