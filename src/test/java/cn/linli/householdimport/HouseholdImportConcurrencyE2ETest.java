package cn.linli.householdimport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Twenty commits of one import at once: one commits, the others change nothing and answer the committed import. */
class HouseholdImportConcurrencyE2ETest extends ImportTestBase {

    @Test
    void concurrentCommitsOfOneImportCommitItOnce() throws Exception {
        Place place = newCommunity();
        String[] lines = new String[41];
        lines[0] = HEADER;
        for (int i = 1; i <= 40; i++) {
            lines[i] = "并发苑," + (i % 4) + "栋,1单元," + i + ",,";
        }
        String id = uploadedId(place, csv(lines));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> committedAts = new ArrayList<>();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    GraphQlTester.Response response = commit(place.staff(), id);
                    response.errors().verify();
                    return response.path("commitHouseholdImport.committedAt").entity(String.class).get();
                }));
            }
            start.countDown();
            for (Future<String> future : futures) {
                committedAts.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(committedAts).hasSize(20).containsOnly(committedAts.get(0));
        assertThat(households(place.communityId())).isEqualTo(40);
        assertThat(count("select count(*) from estate where community_id = " + place.communityId())).isEqualTo(1);
        assertThat(count("select count(*) from building where community_id = " + place.communityId())).isEqualTo(4);
        assertThat(count("select count(*) from audit_event where subject = 'HOUSEHOLD_IMPORT' and subject_id = " + id))
                .isEqualTo(1);
        assertThat(count("select count(*) from household_import where status = 'COMMITTED' and new_count = 40 and id = "
                + id)).isEqualTo(1);
    }

    @Test
    void concurrentCommitsOfTwoOverlappingImportsCreateEachHouseholdOnce() throws Exception {
        Place place = newCommunity();
        String first = uploadedId(place, csv(HEADER, "交叉苑,1栋,1单元,101,,", "交叉苑,1栋,1单元,102,,"));
        String second = uploadedId(place, csv(HEADER, "交叉苑,1栋,1单元,102,,", "交叉苑,1栋,1单元,103,,"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String id : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    commit(place.staff(), id).errors().verify();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(households(place.communityId())).isEqualTo(3);
        assertThat(places(place.communityId())).isEqualTo(6);
        assertThat(count("select sum(new_count) from household_import where id in (" + first + ", " + second + ")"))
                .isEqualTo(3);
    }
}
