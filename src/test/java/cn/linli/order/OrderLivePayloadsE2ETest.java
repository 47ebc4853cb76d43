package cn.linli.order;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import cn.linli.support.WebSockets;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What subscribers receive after the first event (issue 16, items 1 and 2): every payload carries the order's related
 * fields as they are now (partner, serving member, timeline, the phone unmasked once the partner serves), the first
 * state is sent once, and changes made while nobody listened are not replayed to the next subscriber.
 */
class OrderLivePayloadsE2ETest extends OrderTestBase {

    private static final String ORDER_UPDATED = """
            subscription Fresh($orderId: ID!) {
              orderUpdated(orderId: $orderId) {
                id status contactPhone partner { id name } servingMember { id nickname } timeline { to }
              }
            }""";
    private static final String INBOX = """
            subscription Inbox { partnerInbox { kind order { id status contactPhone servingMember { id } } } }""";
    private static final String BOARD = """
            subscription Board($communityId: ID!) { dispatchBoard(communityId: $communityId) { id status partner { id } } }""";

    @Autowired
    OrderEvents orderEvents;

    private WebSockets live;
    private final List<Disposable> streams = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        streams.forEach(Disposable::dispose);
        if (live != null) {
            live.close();
        }
    }

    private WebSocketGraphQlTester socket(Login login) {
        if (live == null) {
            live = new WebSockets(port);
        }
        return live.connect(login.accessToken());
    }

    /** Collects what a stream sends; a failure is kept to fail the test with. */
    @SuppressWarnings("rawtypes")
    private List<Map> collect(Flux<Map> stream, AtomicReference<Throwable> failure) {
        List<Map> seen = new CopyOnWriteArrayList<>();
        streams.add(stream.subscribe(seen::add, failure::set));
        return seen;
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Object at(Map payload, String path) {
        Object value = payload;
        for (String key : path.split("\\.")) {
            value = value == null ? null : ((Map<String, Object>) value).get(key);
        }
        return value;
    }

    @Test
    @SuppressWarnings("rawtypes")
    void everyEventCarriesTheRelatedFieldsAsTheyAreNow() {
        String category = newCategory("ASSIGN");
        TestPartner partner = newPartner(category, 2);
        Login resident = resident();
        Login staff = staff();
        Login member = login(partner.memberCode());
        long orderId = placeOrder(resident, category);
        String id = String.valueOf(orderId);
        AtomicReference<Throwable> failure = new AtomicReference<>();

        List<Map> residentSees = collect(socket(resident).document(ORDER_UPDATED).variable("orderId", id)
                .executeSubscription().toFlux("orderUpdated", Map.class), failure);
        List<Map> boardSees = collect(socket(staff).document(BOARD).variable("communityId", String.valueOf(jincheng()))
                .executeSubscription().toFlux("dispatchBoard", Map.class)
                .filter(order -> id.equals(order.get("id"))), failure);
        List<Map> inboxSees = collect(socket(member).document(INBOX).executeSubscription()
                .toFlux("partnerInbox", Map.class), failure);
        await().until(() -> !residentSees.isEmpty() || failure.get() != null);

        // until the board and the inbox are live, this order is announced again (each announcement also loads the
        // order as it is now — no partner yet — into those subscriptions, as the first event did before the fix)
        OrderChange probe = new OrderChange(orderId, jincheng(), OrderStatus.SUBMITTED,
                List.of(new OrderChange.InboxNotice(partner.id(), "PROBE")));
        await().until(() -> {
            orderEvents.publish(probe).block(Duration.ofSeconds(5));
            return (!boardSees.isEmpty() && !inboxSees.isEmpty()) || failure.get() != null;
        });
        assertThat(failure.get()).isNull();
        assertThat(at(boardSees.get(0), "partner")).isNull();
        assertThat(at(inboxSees.get(0), "order.servingMember")).isNull();

        mutate(staff, "DispatchOrder", Map.of("orderId", id, "partnerId", String.valueOf(partner.id()))).errors().verify();
        await().until(() -> hasStatus(residentSees, "DISPATCHED") && hasStatus(boardSees, "DISPATCHED")
                && inboxSees.stream().anyMatch(event -> "DISPATCHED".equals(event.get("kind"))));
        Map dispatched = last(residentSees);
        assertThat(at(dispatched, "partner.id")).isEqualTo(String.valueOf(partner.id()));
        assertThat(timeline(dispatched)).containsExactly("SUBMITTED", "DISPATCHED");
        assertThat(at(last(boardSees), "partner.id")).isEqualTo(String.valueOf(partner.id()));
        assertThat(String.valueOf(at(last(inboxSees), "order.contactPhone"))).as("masked until accepted")
                .isNotEqualTo("13800000001");

        mutate(member, "AcceptOrder", Map.of("orderId", id)).errors().verify();
        await().until(() -> hasStatus(residentSees, "ACCEPTED") && hasStatus(boardSees, "ACCEPTED")
                && "ACCEPTED".equals(at(last(inboxSees), "order.status")));
        Map accepted = last(residentSees);
        assertThat(at(accepted, "servingMember.id")).isEqualTo(String.valueOf(member.accountId()));
        assertThat(timeline(accepted)).containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED");
        assertThat(at(last(inboxSees), "order.servingMember.id")).isEqualTo(String.valueOf(member.accountId()));
        assertThat(at(last(inboxSees), "order.contactPhone")).as("the serving partner sees the phone")
                .isEqualTo("13800000001");

        mutate(member, "StartOrder", Map.of("orderId", id)).errors().verify();
        await().until(() -> hasStatus(residentSees, "IN_SERVICE") && hasStatus(boardSees, "IN_SERVICE")
                && "IN_SERVICE".equals(at(last(inboxSees), "order.status")));
        Map started = last(residentSees);
        assertThat(at(started, "partner.name")).isNotNull();
        assertThat(at(started, "servingMember.nickname")).isNotNull();
        assertThat(timeline(started)).containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "IN_SERVICE");
        assertThat(at(last(boardSees), "partner.id")).isEqualTo(String.valueOf(partner.id()));

        assertThat(residentSees).as("the first state once, then each change once (the probes changed nothing)")
                .extracting(order -> order.get("status"))
                .containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "IN_SERVICE");
        assertThat(failure.get()).isNull();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void changesMadeWhileNobodyWatchedAreNotReplayedToTheBoard() {
        String category = newCategory("ASSIGN");
        Login resident = resident();
        Login staff = staff();
        long probeOrder = placeOrder(resident, category);
        Set<String> unheard = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            unheard.add(String.valueOf(placeOrder(resident, category))); // each announced on the bus, nobody listening
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Map> boardSees = collect(socket(staff).document(BOARD).variable("communityId", String.valueOf(jincheng()))
                .executeSubscription().toFlux("dispatchBoard", Map.class), failure);

        OrderChange probe = new OrderChange(probeOrder, jincheng(), OrderStatus.SUBMITTED, List.of());
        int[] probes = {0};
        await().until(() -> {
            orderEvents.publish(probe).block(Duration.ofSeconds(5));
            probes[0]++;
            return !boardSees.isEmpty() || failure.get() != null;
        });
        String after = String.valueOf(placeOrder(resident, category));
        await().until(() -> boardSees.stream().anyMatch(order -> after.equals(order.get("id"))) || failure.get() != null);

        assertThat(failure.get()).isNull();
        assertThat(boardSees).extracting(order -> (String) order.get("id"))
                .as("only changes made while the board listened").doesNotContainAnyElementsOf(unheard)
                .containsOnly(String.valueOf(probeOrder), after);
        assertThat(boardSees).hasSizeLessThanOrEqualTo(probes[0] + 1);
    }

    @SuppressWarnings("rawtypes")
    private static boolean hasStatus(List<Map> seen, String status) {
        return seen.stream().anyMatch(order -> status.equals(order.get("status")));
    }

    @SuppressWarnings("rawtypes")
    private static Map last(List<Map> seen) {
        return seen.get(seen.size() - 1);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Object> timeline(Map order) {
        return ((List<Map>) order.get("timeline")).stream().map(event -> event.get("to")).toList();
    }
}
