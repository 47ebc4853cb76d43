package cn.linli.timebank;

import java.time.Instant;
import java.util.UUID;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditional updates take their source states from the enums and lifecycles, and the database holds the line
 * when Java's check is raced: a closed voucher or hold does not close again, and rows map back onto typed records.
 */
class TimeBankGuardsRepositoryTest extends IntegrationTest {

    @Autowired
    RewardRepository rewards;

    @Autowired
    HoldRepository holds;

    private long account() {
        return db.sql("insert into account (openid) values (:o) returning id").bind("o", "o-tbguard-" + UUID.randomUUID())
                .map(row -> row.get("id", Long.class)).one().block();
    }

    private Voucher issuedVoucher(long owner) {
        long reward = db.sql("""
                        insert into reward (community_id, partner_id, kind, title, points_price, stock, valid_to)
                        values ((select id from community where name = '锦城社区'),
                                (select id from partner where name = '巷口理发店'), 'GOODS', '守卫测试券', 5, 10,
                                date '2030-12-31')
                        returning id
                        """).map(row -> row.get("id", Long.class)).one().block();
        long redemption = rewards.insertRedemption("guard-" + UUID.randomUUID(), "h", reward, owner, 1).block();
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        rewards.insertVoucher(redemption, reward, owner, code, 5, Instant.now().plusSeconds(3600)).block();
        return rewards.vouchersOfRedemption(redemption).blockFirst();
    }

    @Test
    void aVoucherClosesOnceWhicheverTransitionComesFirst() {
        long owner = account();
        Voucher voucher = issuedVoucher(owner);
        assertThat(voucher.status()).isEqualTo(VoucherStatus.ISSUED);
        assertThat(rewards.rewardsByIds(java.util.List.of(voucher.rewardId())).blockFirst().kind()).isEqualTo(RewardKind.GOODS);

        var verify = VoucherLifecycle.check(VoucherStatus.ISSUED, VoucherLifecycle.Action.VERIFY, VoucherLifecycle.Actor.SUPPLIER);
        var cancel = VoucherLifecycle.check(VoucherStatus.ISSUED, VoucherLifecycle.Action.CANCEL, VoucherLifecycle.Actor.OWNER);
        assertThat(rewards.closeVoucher(voucher.id(), verify, owner).block()).isTrue();
        assertThat(rewards.closeVoucher(voucher.id(), cancel, null).block()).as("already used").isFalse();
        assertThat(rewards.closeVoucher(voucher.id(), verify, owner).block()).as("used once").isFalse();

        Voucher used = rewards.lockVoucher(voucher.id()).block();
        assertThat(used.status()).isEqualTo(VoucherStatus.USED);
        assertThat(used.usedAt()).isNotNull();
        assertThat(rewards.vouchersOf(owner, VoucherStatus.USED).collectList().block()).extracting(Voucher::id)
                .containsExactly(voucher.id());
        assertThat(rewards.vouchersOf(owner, VoucherStatus.ISSUED).collectList().block()).isEmpty();
    }

    @Test
    void aCancelledVoucherRecordsNoUseAndCannotBeVerifiedAfterwards() {
        long owner = account();
        Voucher voucher = issuedVoucher(owner);
        var cancel = VoucherLifecycle.check(VoucherStatus.ISSUED, VoucherLifecycle.Action.CANCEL, VoucherLifecycle.Actor.OWNER);
        var verify = VoucherLifecycle.check(VoucherStatus.ISSUED, VoucherLifecycle.Action.VERIFY, VoucherLifecycle.Actor.SUPPLIER);
        assertThat(rewards.closeVoucher(voucher.id(), cancel, null).block()).isTrue();
        assertThat(rewards.closeVoucher(voucher.id(), verify, owner).block()).isFalse();
        Voucher cancelled = rewards.lockVoucher(voucher.id()).block();
        assertThat(cancelled.status()).isEqualTo(VoucherStatus.CANCELLED);
        assertThat(cancelled.usedAt()).isNull();
    }

    @Test
    void aHoldOpensOnceAndClosesOnlyFromOpen() {
        long resident = account();
        // a bare submitted order of a household in 锦城社区 to hang the hold on
        long order = db.sql("""
                        insert into service_order (household_id, community_id, resident_id, category_id, dispatch_mode,
                                                   description, urgency, contact_phone, status, idempotency_key, request_hash)
                        select h.id, h.community_id, :resident, (select id from service_category order by id limit 1),
                               'ASSIGN', '积分预扣测试', 'NORMAL', '028-1234567', 'SUBMITTED', :key, 'h'
                          from household h
                         where h.community_id = (select id from community where name = '锦城社区') order by h.id limit 1
                        returning id
                        """)
                .bind("resident", resident).bind("key", "hold-" + UUID.randomUUID())
                .map(row -> row.get("id", Long.class)).one().block();
        long community = db.sql("select community_id from service_order where id = :o").bind("o", order)
                .map(row -> row.get("community_id", Long.class)).one().block();
        assertThat(holds.open(order, resident, community, 7).block()).isTrue();
        assertThat(holds.open(order, resident, community, 7).block()).as("once per order").isFalse();
        assertThat(holds.openPoints(resident).block()).isEqualTo(7);
        assertThat(holds.close(order, HoldStatus.RETURNED).block()).isEqualTo(new HoldRepository.Hold(resident, community, 7));
        assertThat(holds.close(order, HoldStatus.PAID).blockOptional()).as("closed holds stay closed").isEmpty();
        assertThat(holds.openPoints(resident).block()).isZero();
    }
}
