package cn.linli.community;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Two (here twenty) staff adding the same building at once get one row, and all of them the same answer. */
class TreeConcurrencyE2ETest extends TreeTestBase {

    private static final int CALLERS = 20;

    @Test
    void twentyConcurrentCreatesOfTheSameBuildingMakeOneRow() throws Exception {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        Login second = login(unique("staff2"));
        appoint(admin, c.id(), second, "社工");
        String estate = estate(c.staff(), c.id(), "并发苑");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                Login who = i % 2 == 0 ? c.staff() : second;
                answers.add(pool.submit(() -> {
                    start.await();
                    GraphQlTester.Response response = mutate(who, "CreateBuilding", Map.of("estateId", estate, "name", "8栋"));
                    response.errors().verify();
                    return response.path("createBuilding.id").entity(String.class).get();
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }
            assertThat(ids).hasSize(1);
            assertThat(count("select count(*) from building where estate_id = " + estate + " and name = '8栋'")).isEqualTo(1);
            assertThat(auditEntries("BUILDING", ids.iterator().next(), "CREATED")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
