package cn.linli.partner;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.linli.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Fixtures shared by the partner E2E tests: communities, inputs, error codes, and real concurrent requests. */
abstract class PartnerTestBase extends IntegrationTest {

    protected static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    protected String jincheng() {
        return String.valueOf(idOf("select id from community where name = '锦城社区'"));
    }

    protected String fangcao() {
        return String.valueOf(idOf("select id from community where name = '芳草社区'"));
    }

    /** Staff of 芳草社区 (staff() is of 锦城社区). */
    protected Login fangcaoStaff() {
        return login("demo-staff-fangcao");
    }

    protected Login newcomer(String prefix) {
        return login(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    protected static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 4);
    }

    protected Map<String, Object> applyInput(String name, List<String> communityIds, List<String> photoIds) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "CRAFTSMAN");
        input.put("name", name);
        input.put("description", "家电维修二十年");
        input.put("categoryCodes", List.of("HOME_REPAIR"));
        input.put("communityIds", communityIds);
        input.put("contactName", "赵师傅");
        input.put("contactPhone", "13900001111");
        input.put("licencePhotoIds", photoIds);
        return input;
    }

    protected static Map<String, Object> approveInput(String applicationId, String communityId, int capacity) {
        return Map.of("applicationId", applicationId, "communityId", communityId,
                "validFrom", TODAY.toString(), "validTo", TODAY.plusYears(1).toString(), "capacity", capacity);
    }

    protected static void expectCode(GraphQlTester.Response response, String code) {
        response.errors().expect(e -> code.equals(e.getExtensions().get("code"))).verify();
    }

    /** The error codes of a response, or "OK" when it has none. */
    protected static String outcome(GraphQlTester.Response response) {
        List<String> codes = new ArrayList<>();
        response.errors().satisfy(es -> es.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
        return codes.isEmpty() ? "OK" : String.join(",", codes);
    }

    /** Sends {@code n} requests at once (released together by a latch); their outcomes. */
    protected static List<String> concurrently(int n, Callable<GraphQlTester.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return outcome(request.call());
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The pending invitation of this person to this partner, as they see it in their list. */
    protected String invitationTo(Login person, String partnerId) {
        GraphQlTester.Response mine = api(person.client(), "MyPartnerInvitations").execute();
        List<String> partners = mine.path("myPartnerInvitations[*].partner.id").entityList(String.class).get();
        List<String> ids = mine.path("myPartnerInvitations[*].id").entityList(String.class).get();
        return ids.get(partners.indexOf(partnerId));
    }
}
