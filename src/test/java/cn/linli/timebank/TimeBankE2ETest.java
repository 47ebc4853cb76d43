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

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Giving and granting points: exact under concurrency, retries and bad requests. */
class TimeBankE2ETest extends TimeBankTestBase {

    @Test
    void hundredConcurrentSpendsOfTenFromFiveHundredLeaveExactlyZero() throws Exception {
        Login staff = staff();
        Family family = newFamily();
        grant(staff, family.headId(), 500).errors().verify();
        Login head = login(family.headCode());

        List<String> outcomes = concurrently(100, i -> () -> {
            GraphQlTester.Response response = api(head.client(), "TransferPoints").variable("input", Map.of(
                    "toAccountId", String.valueOf(family.memberId()), "points", 10,
                    "idempotencyKey", "spend-" + UUID.randomUUID())).execute();
            List<String> codes = new ArrayList<>();
            response.errors().satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
            return codes.isEmpty() ? "OK" : String.join(",", codes);
        });

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(50);
        assertThat(outcomes).filteredOn("INSUFFICIENT_POINTS"::equals).hasSize(50);
        assertThat(balanceOf(family.headId())).isZero();
        assertThat(balanceOf(family.memberId())).isEqualTo(500);
        expectBalanced(staff);
    }

    @Test
    void theSameIdempotencyKeyTwentyTimesAtOncePostsOneTransaction() throws Exception {
        Login staff = staff();
        Family family = newFamily();
        grant(staff, family.headId(), 100).errors().verify();
        Login head = login(family.headCode());
        String key = "gift-" + UUID.randomUUID();

        List<String> results = concurrently(20, i -> () -> {
            GraphQlTester.Response response = api(head.client(), "TransferPoints").variable("input", Map.of(
                    "toAccountId", String.valueOf(family.memberId()), "points", 30, "note", "给孩子的",
                    "idempotencyKey", key)).execute();
            response.errors().verify();
            return response.path("transferPoints.transactionId").entity(String.class).get();
        });

        assertThat(results).containsOnly(results.get(0));
        assertThat(count("select count(*) from timebank_transaction where idempotency_key like '%:" + key + "'"))
                .isEqualTo(1);
        assertThat(balanceOf(family.headId())).isEqualTo(70);
        assertThat(balanceOf(family.memberId())).isEqualTo(30);

        // the same key for a different request is refused, and moves nothing
        expectCode(api(head.client(), "TransferPoints").variable("input", Map.of(
                "toAccountId", String.valueOf(family.memberId()), "points", 31, "idempotencyKey", key)).execute(),
                "IDEMPOTENCY_KEY_REUSED");
        assertThat(balanceOf(family.headId())).isEqualTo(70);
    }

    @Test
    void forbiddenAndInvalidMovementsChangeNoBalance() {
        Login staff = staff();
        Family family = newFamily();
        Family strangers = newFamily();
        grant(staff, family.headId(), 50).errors().verify();
        Login head = login(family.headCode());

        // to someone outside the household; zero, negative, beyond balance; a resident granting
        expectCode(transfer(head, strangers.headId(), 10), "FORBIDDEN");
        for (int points : List.of(0, -5, 100_001)) {
            transfer(head, family.memberId(), points).errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                    && "input.points".equals(e.getExtensions().get("field"))).verify();
        }
        expectCode(transfer(head, family.memberId(), 51), "INSUFFICIENT_POINTS");
        expectCode(grant(head, family.headId(), 1000), "FORBIDDEN");
        expectCode(grant(login("demo-staff-fangcao"), family.headId(), 1000), "FORBIDDEN");
        expectCode(api(head.client(), "TimeBankReconciliation").variable("communityId", jincheng()).execute(), "FORBIDDEN");
        // a stranger can neither send to the family nor spend from an empty account
        Login stranger = login(strangers.headCode());
        expectCode(transfer(stranger, family.headId(), 1), "FORBIDDEN");
        expectCode(transfer(stranger, strangers.memberId(), 1), "INSUFFICIENT_POINTS");

        assertThat(balanceOf(family.headId())).isEqualTo(50);
        assertThat(balanceOf(family.memberId())).isZero();
        assertThat(balanceOf(strangers.headId())).isZero();
        expectBalanced(staff);
    }

    @Test
    void statementDescribesEveryMovementAndTheCapOverflowsToThePool() {
        Login staff = staff();
        Family family = newFamily();
        long community = jincheng();
        api(staff.client(), "SetTimeBankRules").variable("input", Map.of("communityId", String.valueOf(community),
                "pointsPerHour", 10, "storageCap", 100)).execute().errors().verify();
        try {
            grant(staff, family.headId(), 80).errors().verify();
            Login head = login(family.headCode());
            api(head.client(), "DonatePoints").variable("input", Map.of("communityId", String.valueOf(community),
                    "points", 20, "idempotencyKey", "donate-" + UUID.randomUUID())).execute()
                    .path("donatePoints.balance").entity(Long.class).isEqualTo(60L);
            grant(staff, family.headId(), 70).path("grantPoints.balance").entity(Long.class).isEqualTo(100L);

            GraphQlTester.Response statement = api(head.client(), "MyTimeBank").variable("first", 10).execute();
            statement.path("myTimeBank.balance").entity(Integer.class).isEqualTo(100);
            statement.path("myTimeBank.statement.edges[*].node.kind").entityList(String.class)
                    .containsExactly("OVERFLOW", "GRANT", "DONATE", "GRANT");
            statement.path("myTimeBank.statement.edges[0].node.points").entity(Integer.class).isEqualTo(-30);
            statement.path("myTimeBank.statement.edges[0].node.description").entity(String.class)
                    .isEqualTo("超出积分存储上限 100，30 分自动转入社区公益池");
            statement.path("myTimeBank.statement.edges[1].node.description").entity(String.class).isEqualTo("社区奖励：志愿值守");

            // the pool now holds the donation and the overflow, and staff can grant from it
            GraphQlTester.Response fromPool = api(staff.client(), "GrantFromPool").variable("input", Map.of(
                    "communityId", String.valueOf(community), "accountId", String.valueOf(family.memberId()),
                    "points", 40, "reason", "独居老人帮扶", "idempotencyKey", "pool-" + UUID.randomUUID())).execute();
            fromPool.errors().verify();
            assertThat(balanceOf(family.memberId())).isEqualTo(40);
            expectBalanced(staff);
        } finally {
            api(staff.client(), "SetTimeBankRules").variable("input", Map.of("communityId", String.valueOf(community),
                    "pointsPerHour", 10)).execute().errors().verify();
        }
    }

    private GraphQlTester.Response transfer(Login from, long to, int points) {
        return api(from.client(), "TransferPoints").variable("input", Map.of("toAccountId", String.valueOf(to),
                "points", points, "idempotencyKey", "t-" + UUID.randomUUID())).execute();
    }

    private static <T> List<T> concurrently(int n, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 32));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
