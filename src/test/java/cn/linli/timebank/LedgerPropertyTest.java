package cn.linli.timebank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long seeded random sequence of earnings, grants, transfers, donations, redemptions, cancellations, expiries,
 * replays and failing requests; afterwards the books still balance and every balance equals its own model.
 */
class LedgerPropertyTest extends TimeBankTestBase {

    private static final long SEED = 20261122L;

    @Autowired
    TimeBankService timeBank;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    cn.linli.platform.timer.Timers timers;

    @Test
    void aRandomSequenceOfMovementsKeepsTheBooksBalanced() {
        Random random = new Random(SEED);
        Login staff = staff();
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            families.add(newFamily());
        }
        Map<Long, Long> expected = new java.util.HashMap<>();
        List<Login> heads = new ArrayList<>();
        for (Family family : families) {
            expected.put(family.headId(), 0L);
            expected.put(family.memberId(), 0L);
            heads.add(login(family.headCode()));
        }
        String reward = rewardSuppliedToJincheng(7);
        List<String> replayableKeys = new ArrayList<>();

        for (int step = 0; step < 160; step++) {
            int f = random.nextInt(families.size());
            Family family = families.get(f);
            Login head = heads.get(f);
            int points = 1 + random.nextInt(60);
            switch (random.nextInt(7)) {
                case 0 -> { // staff grant
                    grant(staff, family.headId(), points).errors().verify();
                    expected.merge(family.headId(), (long) points, Long::sum);
                }
                case 1 -> { // earning for volunteering, posted directly (as attendance does)
                    String key = "prop-volunteer-" + UUID.randomUUID();
                    transaction.transactional(timeBank.earnForVolunteering(key, jincheng(), family.memberId(), points * 5, 12,
                            "随机志愿")).block();
                    expected.merge(family.memberId(), (long) points * 5 * 12 / 60, Long::sum);
                }
                case 2 -> { // transfer within the household, maybe beyond the balance
                    String key = "prop-t-" + UUID.randomUUID();
                    boolean ok = noErrors(api(head.client(), "TransferPoints").variable("input", Map.of(
                            "toAccountId", String.valueOf(family.memberId()), "points", points, "idempotencyKey", key)).execute());
                    assertThat(ok).isEqualTo(expected.get(family.headId()) >= points);
                    if (ok) {
                        expected.merge(family.headId(), (long) -points, Long::sum);
                        expected.merge(family.memberId(), (long) points, Long::sum);
                        replayableKeys.add(key + "|" + f + "|" + points);
                    }
                }
                case 3 -> { // donation to the pool
                    boolean ok = noErrors(api(head.client(), "DonatePoints").variable("input", Map.of(
                            "communityId", String.valueOf(jincheng()), "points", points,
                            "idempotencyKey", "prop-d-" + UUID.randomUUID())).execute());
                    assertThat(ok).isEqualTo(expected.get(family.headId()) >= points);
                    if (ok) {
                        expected.merge(family.headId(), (long) -points, Long::sum);
                    }
                }
                case 4 -> { // redeem a reward (price 7), then maybe cancel it or let it expire
                    GraphQlTester.Response redeemed = api(head.client(), "RedeemReward").variable("input", Map.of(
                            "rewardId", reward, "quantity", 1, "idempotencyKey", "prop-r-" + UUID.randomUUID())).execute();
                    boolean ok = noErrors(redeemed);
                    assertThat(ok).isEqualTo(expected.get(family.headId()) >= 7);
                    if (ok) {
                        expected.merge(family.headId(), -7L, Long::sum);
                        String voucher = redeemed.path("redeemReward.vouchers[0].id").entity(String.class).get();
                        int fate = random.nextInt(3);
                        if (fate == 0) {
                            api(head.client(), "CancelVoucher").variable("input", Map.of("voucherId", voucher)).execute()
                                    .errors().verify();
                            expected.merge(family.headId(), 7L, Long::sum);
                        } else if (fate == 1) {
                            db.sql("update voucher set expires_at = now() - interval '1 second' where id = " + voucher).then().block();
                            dueNow(TimeBankTimers.VOUCHER_EXPIRY, Long.parseLong(voucher));
                            timers.runDue().block();
                            expected.merge(family.headId(), 7L, Long::sum);
                        }
                    }
                }
                case 5 -> { // replay an earlier transfer: nothing moves again
                    if (!replayableKeys.isEmpty()) {
                        String[] parts = replayableKeys.get(random.nextInt(replayableKeys.size())).split("\\|");
                        Family owner = families.get(Integer.parseInt(parts[1]));
                        api(heads.get(Integer.parseInt(parts[1])).client(), "TransferPoints").variable("input", Map.of(
                                        "toAccountId", String.valueOf(owner.memberId()), "points", Integer.parseInt(parts[2]),
                                        "idempotencyKey", parts[0])).execute()
                                .path("transferPoints.replayed").entity(Boolean.class).isEqualTo(true);
                    }
                }
                default -> { // an invalid request: changes nothing
                    api(head.client(), "TransferPoints").variable("input", Map.of("toAccountId",
                                    String.valueOf(families.get((f + 1) % families.size()).memberId()), "points", points,
                                    "idempotencyKey", "prop-bad-" + UUID.randomUUID())).execute()
                            .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
                }
            }
        }

        for (Map.Entry<Long, Long> person : expected.entrySet()) {
            assertThat(balanceOf(person.getKey())).as("account %d", person.getKey()).isEqualTo(person.getValue());
        }
        expectBalanced(staff);
    }

    private static boolean noErrors(GraphQlTester.Response response) {
        List<String> codes = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
        assertThat(codes).allMatch(code -> code.equals("INSUFFICIENT_POINTS"));
        return codes.isEmpty();
    }

    private String rewardSuppliedToJincheng(int price) {
        return String.valueOf(db.sql("""
                        insert into reward (community_id, partner_id, kind, title, points_price, stock, valid_to)
                        values ((select id from community where name = '锦城社区'),
                                (select id from partner where name = '巷口理发店'), 'SERVICE', '随机测试券', :price, 100000,
                                date '2030-12-31')
                        returning id
                        """).bind("price", price).map(row -> row.get("id", Long.class)).one().block());
    }

}
