package cn.linli.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.linli.platform.timer.Timers;
import cn.linli.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff board with every nested field costs the same statements for 2 orders as for 40; timers fire once. */
class DispatchQueueSqlCountTest extends OrderTestBase {

    @Test
    void dispatchQueueStatementsDoNotGrowWithPageSize() {
        String category = newCategory("ASSIGN");
        TestPartner partner = newPartner(category, 50);
        Login member = login(partner.memberCode());
        Login resident = resident();
        Login staff = staff();
        for (int i = 0; i < 40; i++) {
            long orderId = placeOrder(resident, category);
            if (i % 2 == 0) {
                mutate(staff, "DispatchOrder", Map.of("orderId", String.valueOf(orderId), "partnerId",
                        String.valueOf(partner.id()))).errors().verify();
            }
            if (i % 4 == 0) { // served and rated: serving member, rating, a timeline with partner actors
                mutate(member, "AcceptOrder", Map.of("orderId", String.valueOf(orderId))).errors().verify();
                mutate(member, "StartOrder", Map.of("orderId", String.valueOf(orderId))).errors().verify();
                mutate(member, "CompleteOrder", Map.of("orderId", String.valueOf(orderId), "minutesSpent", 30))
                        .errors().verify();
                mutate(resident, "ConfirmOrder", Map.of("orderId", String.valueOf(orderId), "quality", 5,
                        "punctuality", 4, "attitude", 5, "comment", "好")).errors().verify();
            }
        }
        long community = jincheng();

        List<String> small = statementsForPage(staff, community, 2);
        List<String> large = statementsForPage(staff, community, 40);

        System.out.println("dispatch board statements: " + large.size() + " (page of 2: " + small.size() + ")");
        assertThat(large).hasSameSizeAs(small);
        // the viewer's scope (one statement, loaded once: the phone masking reuses it), the page with the orders'
        // to-one relations joined in, the timelines with their actors and partners
        assertThat(large).as(String.join("\n", large)).hasSizeLessThanOrEqualTo(5);
        assertThat(large.stream().filter(DispatchQueueSqlCountTest::readsViewerScope))
                .as("statements reading the viewer's households, staff role or partner membership").hasSize(1);
    }

    /** The board answers what the single-order query (each nested field from its own batch loader) answers. */
    @Test
    void theBoardCarriesTheSameDataAsEachOrderLoadedOnItsOwn() {
        String category = newCategory("ASSIGN");
        TestPartner partner = newPartner(category, 10);
        Login member = login(partner.memberCode());
        Login resident = resident();
        Login staff = staff();
        for (int i = 0; i < 3; i++) {
            long orderId = placeOrder(resident, category);
            mutate(staff, "DispatchOrder", Map.of("orderId", String.valueOf(orderId), "partnerId",
                    String.valueOf(partner.id()))).errors().verify();
            if (i > 0) {
                mutate(member, "AcceptOrder", Map.of("orderId", String.valueOf(orderId))).errors().verify();
            }
        }
        GraphQlTester.Response board = api(staff.client(), "DispatchQueue").variable("communityId", jincheng())
                .variable("first", 50).execute();
        board.errors().verify();
        List<Map<String, Object>> nodes = board.path("dispatchQueue.edges[*].node").entityList(MAP).get();
        assertThat(nodes).hasSizeGreaterThanOrEqualTo(3);
        for (Map<String, Object> node : nodes) {
            Map<String, Object> alone = api(staff.client(), "Order").variable("id", node.get("id")).execute()
                    .path("order").entity(MAP).get();
            assertThat(withoutPhotoLinks(node)).isEqualTo(withoutPhotoLinks(alone));
        }
    }

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    /** Signed photo links carry their signing time: compare how many there are. */
    private static Map<String, Object> withoutPhotoLinks(Map<String, Object> node) {
        Map<String, Object> copy = new java.util.HashMap<>(node);
        copy.computeIfPresent("photoUrls", (key, urls) -> ((List<?>) urls).size());
        copy.computeIfPresent("completionPhotoUrls", (key, urls) -> ((List<?>) urls).size());
        return copy;
    }

    private static boolean readsViewerScope(String statement) {
        return statement.contains("household_member") || statement.contains("from staff")
                || statement.contains("join staff") || statement.contains("partner_member");
    }

    private List<String> statementsForPage(Login staff, long community, int size) {
        sql.reset();
        GraphQlTester.Response page = api(staff.client(), "DispatchQueue").variable("communityId", community)
                .variable("first", size).execute();
        page.errors().verify();
        List<String> statements = sql.statements();
        page.path("dispatchQueue.edges").entityList(Object.class).hasSize(size);
        page.path("dispatchQueue.edges[*].node.timeline[0].to").entityList(String.class).hasSize(size);
        return statements;
    }

    @Test
    void dueTimersFireExactlyOnceWhenTwoInstancesPollAtOnce() throws Exception {
        String category = newCategory("AUTO");
        TestPartner a = newPartner(category, 20);
        TestPartner b = newPartner(category, 20);
        Login resident = resident();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(placeOrder(resident, category));
        }
        drainDueTimers();
        makeAcceptDeadlinesDue(orders);
        String ids = String.join(",", orders.stream().map(String::valueOf).toList());

        try (SecondInstance other = SecondInstance.start(Map.of())) {
            Timers otherTimers = other.context().getBean(Timers.class);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> pollers = List.of(() -> timers.runDue().block(), () -> otherTimers.runDue().block(),
                        () -> timers.runDue().block(), () -> otherTimers.runDue().block());
                for (Future<Integer> result : pool.invokeAll(pollers)) {
                    result.get();
                }
                // a handler that lost a lock race beyond its retries rolled back and was rescheduled (backing off):
                // late, never lost, never twice. Fire those retries now, still from both instances.
                for (int round = 0; round < 10 && retrying(ids) > 0; round++) {
                    db.sql("update timer set due_at = now() - interval '1 second' where attempts > 0"
                            + " and kind = 'ORDER_ACCEPT_DEADLINE' and subject_id in (" + ids + ")").then().block();
                    List<Callable<Integer>> retries = List.of(() -> timers.runDue().block(),
                            () -> otherTimers.runDue().block());
                    for (Future<Integer> result : pool.invokeAll(retries)) {
                        result.get();
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }

        assertThat(count("select count(*) from order_event where reason = '接单超时' and order_id in (" + ids + ")"))
                .isEqualTo(orders.size());
        assertThat(count("select count(*) from order_decline where expired and order_id in (" + ids + ")"))
                .isEqualTo(orders.size());
        // every order was taken from its first partner and given to the other: capacity adds up
        assertThat(activeOrders(a.id()) + activeOrders(b.id())).isEqualTo(orders.size());
        assertThat(count("select count(*) from service_order where status = 'DISPATCHED' and id in (" + ids + ")"))
                .isEqualTo(orders.size());
    }

    /** Deadline timers of these orders that failed once and wait for their retry. */
    private long retrying(String ids) {
        return count("select count(*) from timer where attempts > 0 and kind = 'ORDER_ACCEPT_DEADLINE'"
                + " and subject_id in (" + ids + ")");
    }
}
