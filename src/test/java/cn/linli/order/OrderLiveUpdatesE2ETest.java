package cn.linli.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.linli.support.ApiDocuments;
import cn.linli.support.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions over WebSocket, with a second app instance in the same test: a subscriber on one instance sees changes
 * made through the other (Redis pub/sub), and a deadline set through an instance that then stops still fires.
 */
class OrderLiveUpdatesE2ETest extends OrderTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    OrderEvents orderEvents;

    private static SecondInstance secondInstance;

    @BeforeAll
    static void startSecondInstance() {
        secondInstance = SecondInstance.start(Map.of());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    private static int secondPort() {
        return secondInstance.port();
    }

    /** A client of the second instance, logged in with the same token (sessions live in Redis, shared). */
    private static HttpGraphQlTester onSecondInstance(Login login) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + secondPort() + "/graphql")
                .defaultHeader("Authorization", "Bearer " + login.accessToken())
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    }

    private final List<WebSocketGraphQlTester> sockets = new java.util.ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(socket -> socket.stop().block(Duration.ofSeconds(5)));
        sockets.clear();
    }

    private WebSocketGraphQlTester webSocket(Login login) {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + login.accessToken()));
                    }
                })
                .build();
        sockets.add(socket);
        return socket;
    }

    @Test
    void subscriberOnOneInstanceSeesChangesMadeThroughTheOther() {
        String category = newCategory("ASSIGN");
        TestPartner partner = newPartner(category, 2);
        Login resident = resident();
        Login staff = staff();
        Login member = login(partner.memberCode());
        long orderId = placeOrder(resident, category);
        String id = String.valueOf(orderId);

        WebSocketGraphQlTester residentSocket = webSocket(resident);
        Flux<String> residentSees = residentSocket.document(ApiDocuments.load("OrderUpdated")).operationName("OrderUpdated")
                .variable("orderId", id).executeSubscription().toFlux("orderUpdated.status", String.class);
        WebSocketGraphQlTester staffSocket = webSocket(staff);
        // both streams mark themselves live on their first event (a probe, below), then look for the real one
        java.util.concurrent.atomic.AtomicBoolean boardLive = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean inboxLive = new java.util.concurrent.atomic.AtomicBoolean();
        Flux<String> boardSees = staffSocket.document(ApiDocuments.load("DispatchBoard")).operationName("DispatchBoard")
                .variable("communityId", String.valueOf(jincheng())).executeSubscription()
                .toFlux("dispatchBoard", Map.class).filter(order -> id.equals(order.get("id")))
                .doOnNext(order -> boardLive.set(true))
                .map(order -> String.valueOf(order.get("status"))).filter("IN_SERVICE"::equals);
        WebSocketGraphQlTester memberSocket = webSocket(member);
        Flux<String> inboxSees = memberSocket.document(ApiDocuments.load("PartnerInboxEvents"))
                .operationName("PartnerInboxEvents").executeSubscription().toFlux("partnerInbox.kind", String.class)
                .doOnNext(kind -> inboxLive.set(true)).filter(kind -> !"PROBE".equals(kind));

        // the first value is the order as it stands: once it arrives the subscription is live on the server
        StepVerifier.create(residentSees.take(3))
                .expectNext("SUBMITTED")
                .then(() -> api(onSecondInstance(staff), "DispatchOrder")
                        .variable("input", Map.of("orderId", id, "partnerId", String.valueOf(partner.id()))).execute()
                        .errors().verify())
                .expectNext("DISPATCHED")
                .then(() -> api(onSecondInstance(member), "AcceptOrder").variable("input", Map.of("orderId", id)).execute()
                        .errors().verify())
                .expectNext("ACCEPTED")
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        // the partner's inbox and the staff board heard about the next change too
        // until the server has both subscriptions, a probe change of this order is announced again; once both have
        // seen one they are live and the real change cannot be missed — no guessing with sleeps
        OrderChange probe = new OrderChange(orderId, jincheng(), OrderStatus.SUBMITTED, List.of(new OrderChange.InboxNotice(partner.id(), "PROBE")));
        StepVerifier.create(Flux.merge(inboxSees.take(1), boardSees.take(1)))
                .then(() -> org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> {
                            orderEvents.publish(probe).block(Duration.ofSeconds(5));
                            return inboxLive.get() && boardLive.get();
                        }))
                .then(() -> api(onSecondInstance(member), "StartOrder").variable("input", Map.of("orderId", id)).execute()
                        .errors().verify())
                .expectNextCount(2)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void subscriptionsCheckWhoIsAsking() {
        String category = newCategory("ASSIGN");
        long orderId = placeOrder(resident(), category);
        StepVerifier.create(webSocket(partner()).document(ApiDocuments.load("OrderUpdated"))
                        .operationName("OrderUpdated").variable("orderId", String.valueOf(orderId))
                        .executeSubscription().toFlux())
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("FORBIDDEN"))
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(webSocket(resident()).document(ApiDocuments.load("DispatchBoard"))
                        .operationName("DispatchBoard").variable("communityId", String.valueOf(jincheng()))
                        .executeSubscription().toFlux())
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("FORBIDDEN"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aDeadlineSetThroughAnInstanceThatStoppedStillFires() {
        String category = newCategory("AUTO");
        TestPartner first = newPartner(category, 2);
        TestPartner second = newPartner(category, 2);
        Login resident = resident();
        SecondInstance other = SecondInstance.start(Map.of());
        long orderId;
        try {
            int otherPort = other.port();
            HttpGraphQlTester client = HttpGraphQlTester.create(WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + otherPort + "/graphql")
                    .defaultHeader("Authorization", "Bearer " + resident.accessToken()).build());
            GraphQlTester.Response placed = api(client, "PlaceOrder").variable("input", orderInput(category)).execute();
            placed.errors().verify();
            orderId = Long.parseLong(placed.path("placeOrder.id").entity(String.class).get());
        } finally {
            other.close(); // the instance that set the deadline is gone
        }
        long firstPartner = partnerOf(orderId);
        assertThat(List.of(first.id(), second.id())).contains(firstPartner);

        expireDeadline(orderId);

        assertThat(partnerOf(orderId)).isNotEqualTo(firstPartner).isIn(first.id(), second.id());
        assertThat(count("select count(*) from order_event where order_id = " + orderId + " and reason = '接单超时'"))
                .isEqualTo(1);
    }

}
