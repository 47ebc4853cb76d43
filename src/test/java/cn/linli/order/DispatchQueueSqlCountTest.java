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
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff board with every nested field costs the same statements for 2 orders as for 40; timers fire once. */
class DispatchQueueSqlCountTest extends OrderTestBase {

    @Test
    void dispatchQueueStatementsDoNotGrowWithPageSize() {
        String category = newCategory("ASSIGN");
        TestPartner partner = newPartner(category, 50);
        Login resident = resident();
        Login staff = staff();
        for (int i = 0; i < 40; i++) {
            long orderId = placeOrder(resident, category);
            if (i % 2 == 0) {
                mutate(staff, "DispatchOrder", Map.of("orderId", String.valueOf(orderId), "partnerId",
                        String.valueOf(partner.id()))).errors().verify();
            }
        }

        int small = statementsForPage(staff, 2);
        int large = statementsForPage(staff, 40);

        assertThat(large).isEqualTo(small);
        // the viewer's scope (loaded once: the phone masking reuses it), the page, one statement per nested field
        assertThat(large).isLessThanOrEqualTo(14);
    }

    private int statementsForPage(Login staff, int size) {
        sql.reset();
        GraphQlTester.Response page = api(staff.client(), "DispatchQueue").variable("communityId", jincheng())
                .variable("first", size).execute();
        page.errors().verify();
        int statements = sql.count();
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
