package cn.linli.timebank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.linli.devservices.WeChatSandbox;
import cn.linli.platform.timer.Timers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Redeeming points for vouchers: never beyond the balance, never oversold, verified once, returned when unused. */
class RewardE2ETest extends TimeBankTestBase {

    @Autowired
    Timers timers;

    record Merchant(long partnerId, String memberCode) {
    }

    private Merchant newMerchant() {
        String code = "merchant-" + UUID.randomUUID().toString().substring(0, 8);
        long partnerId = db.sql("""
                        with p as (insert into partner (name, kind, capacity) values ('测试商家', 'MERCHANT', 5) returning id),
                             k as (insert into partner_contract (partner_id, community_id, valid_from, valid_to)
                                   select p.id, (select id from community where name = '锦城社区'), date '2026-01-01', date '2030-12-31' from p),
                             a as (insert into account (openid, nickname) values (:openid, '测试店主') returning id),
                             m as (insert into partner_member (partner_id, account_id, role) select p.id, a.id, 'ADMIN' from p, a)
                        select id from p
                        """)
                .bind("openid", WeChatSandbox.openidFor(code)).map(row -> row.get("id", Long.class)).one().block();
        return new Merchant(partnerId, code);
    }

    private String newReward(Merchant merchant, int price, int stock) {
        GraphQlTester.Response created = api(login(merchant.memberCode()).client(), "CreateReward").variable("input", Map.of(
                "communityId", String.valueOf(jincheng()), "kind", "GOODS", "title", "测试礼品", "pointsPrice", price,
                "stock", stock, "validTo", java.time.LocalDate.now().plusYears(1).toString())).execute();
        created.errors().verify();
        return created.path("createReward.id").entity(String.class).get();
    }

    private GraphQlTester.Response redeem(Login who, String rewardId, int quantity, String key) {
        return api(who.client(), "RedeemReward").variable("input", Map.of("rewardId", rewardId, "quantity", quantity,
                "idempotencyKey", key)).execute();
    }

    private static String outcome(GraphQlTester.Response response) {
        List<String> codes = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
        return codes.isEmpty() ? "OK" : String.join(",", codes);
    }

    @Test
    void hundredConcurrentRedemptionsOfTenFromFiveHundred() throws Exception {
        Login staff = staff();
        Family family = newFamily();
        grant(staff, family.headId(), 500).errors().verify();
        Login head = login(family.headCode());
        String reward = newReward(newMerchant(), 10, 1000);

        List<String> outcomes = concurrently(100, () -> outcome(redeem(head, reward, 1, "r-" + UUID.randomUUID())));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(50);
        assertThat(outcomes).filteredOn("INSUFFICIENT_POINTS"::equals).hasSize(50);
        assertThat(balanceOf(family.headId())).isZero();
        assertThat(count("select stock from reward where id = " + reward)).isEqualTo(950);
        assertThat(count("select count(*) from voucher where reward_id = " + reward)).isEqualTo(50);
        expectBalanced(staff);
    }

    @Test
    void stockOfFiveAndTwentyConcurrentRedemptionsMakeFiveVouchers() throws Exception {
        Login staff = staff();
        String reward = newReward(newMerchant(), 10, 5);
        List<Login> buyers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Family family = newFamily();
            grant(staff, family.headId(), 10).errors().verify();
            buyers.add(login(family.headCode()));
        }
        List<Callable<String>> calls = new ArrayList<>();
        for (Login buyer : buyers) {
            calls.add(() -> outcome(redeem(buyer, reward, 1, "s-" + UUID.randomUUID())));
        }
        List<String> outcomes = run(calls);

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("OUT_OF_STOCK"::equals).hasSize(15);
        assertThat(count("select stock from reward where id = " + reward)).isZero();
        assertThat(count("select count(*) from voucher where reward_id = " + reward)).isEqualTo(5);
        assertThat(count("select count(*) from timebank_account a join household_member m on m.account_id = a.owner_account_id"
                + " where a.kind = 'PERSON' and a.balance = 10 and a.owner_account_id in ("
                + String.join(",", buyers.stream().map(b -> String.valueOf(b.accountId())).toList()) + ")"))
                .as("the fifteen who missed out kept their points").isEqualTo(15);
        expectBalanced(staff);
    }

    @Test
    void theSupplyingMerchantVerifiesAVoucherOnceAndNoOtherCan() {
        Login staff = staff();
        Family family = newFamily();
        grant(staff, family.headId(), 100).errors().verify();
        Login head = login(family.headCode());
        Merchant merchant = newMerchant();
        String reward = newReward(merchant, 30, 10);
        String key = "v-" + UUID.randomUUID();
        GraphQlTester.Response redeemed = redeem(head, reward, 2, key);
        redeemed.errors().verify();
        redeemed.path("redeemReward.balance").entity(Long.class).isEqualTo(40L);
        String code = redeemed.path("redeemReward.vouchers[0].code").entity(String.class).get();
        assertThat(code).matches("[A-Z0-9]{10}");

        // the same request again: the same vouchers, nothing paid twice
        GraphQlTester.Response replayed = redeem(head, reward, 2, key);
        replayed.path("redeemReward.replayed").entity(Boolean.class).isEqualTo(true);
        replayed.path("redeemReward.vouchers[0].code").entity(String.class).isEqualTo(code);
        assertThat(balanceOf(family.headId())).isEqualTo(40);

        Login other = login(newMerchant().memberCode());
        GraphQlTester.Response wrongMerchant = api(other.client(), "VerifyVoucher").variable("input", Map.of("code", code)).execute();
        wrongMerchant.errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        Login shop = login(merchant.memberCode());
        api(shop.client(), "VerifyVoucher").variable("input", Map.of("code", code)).execute()
                .path("verifyVoucher.status").entity(String.class).isEqualTo("USED");
        assertThat(count("select balance from timebank_account where kind = 'PARTNER' and partner_id = " + merchant.partnerId()))
                .as("the merchant is settled for the voucher it honoured").isEqualTo(30);
        api(shop.client(), "VerifyVoucher").variable("input", Map.of("code", "linli:voucher:" + code)).execute()
                .errors().expect(e -> "VOUCHER_ALREADY_USED".equals(e.getExtensions().get("code"))).verify();
        api(head.client(), "VerifyVoucher").variable("input", Map.of("code", code)).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        api(head.client(), "MyVouchers").variable("status", "USED").execute()
                .path("myVouchers[*].code").entityList(String.class).containsExactly(code);
        api(head.client(), "MyVouchers").variable("status", "USED").execute()
                .path("myVouchers[0].qrCodeDataUrl").entity(String.class)
                .satisfies(qr -> assertThat(qr).startsWith("data:image/png;base64,").hasSizeGreaterThan(200));
        assertThat(count("select balance from timebank_account where kind = 'PARTNER' and partner_id = " + merchant.partnerId()))
                .isEqualTo(30);
        expectBalanced(staff);
    }

    @Test
    void cancelledAndExpiredVouchersReturnTheirPointsAndStock() {
        Login staff = staff();
        Family family = newFamily();
        grant(staff, family.headId(), 60).errors().verify();
        Login head = login(family.headCode());
        String reward = newReward(newMerchant(), 30, 2);
        GraphQlTester.Response redeemed = redeem(head, reward, 2, "c-" + UUID.randomUUID());
        String first = redeemed.path("redeemReward.vouchers[0].id").entity(String.class).get();
        String second = redeemed.path("redeemReward.vouchers[1].id").entity(String.class).get();
        assertThat(balanceOf(family.headId())).isZero();

        api(head.client(), "CancelVoucher").variable("input", Map.of("voucherId", first)).execute()
                .path("cancelVoucher.status").entity(String.class).isEqualTo("CANCELLED");
        assertThat(balanceOf(family.headId())).isEqualTo(30);
        api(login(family.memberCode()).client(), "CancelVoucher").variable("input", Map.of("voucherId", second)).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();

        db.sql("update voucher set expires_at = now() - interval '1 second' where id = " + second).then().block();
        dueNow(TimeBankTimers.VOUCHER_EXPIRY, Long.parseLong(second));
        timers.runDue().block();
        timers.runDue().block();
        assertThat(count("select count(*) from voucher where status = 'EXPIRED' and id = " + second)).isEqualTo(1);
        assertThat(balanceOf(family.headId())).isEqualTo(60);
        assertThat(count("select stock from reward where id = " + reward)).isEqualTo(2);
        api(head.client(), "CancelVoucher").variable("input", Map.of("voucherId", first)).execute()
                .errors().expect(e -> "VOUCHER_NOT_USABLE".equals(e.getExtensions().get("code"))).verify();
        assertThat(balanceOf(family.headId())).isEqualTo(60);
        expectBalanced(staff);
    }

    private static List<String> concurrently(int n, Callable<String> call) throws Exception {
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call);
        }
        return run(calls);
    }

    private static List<String> run(List<Callable<String>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls.size(), 32));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
