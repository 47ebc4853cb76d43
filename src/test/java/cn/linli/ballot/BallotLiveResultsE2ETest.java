package cn.linli.ballot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import cn.linli.support.ApiDocuments;
import cn.linli.support.WebSockets;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results and turnout update live while a ballot is open: a subscriber sees the results as they stand, then after each
 * vote and the closing; a resident of another community is refused.
 */
class BallotLiveResultsE2ETest extends BallotTestBase {

    private WebSockets sockets;
    private final List<Disposable> streams = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        streams.forEach(Disposable::dispose);
        if (sockets != null) {
            sockets.close();
        }
    }

    private WebSocketGraphQlTester socket(Login login) {
        if (sockets == null) {
            sockets = new WebSockets(port);
        }
        return sockets.connect(login.accessToken());
    }

    private static reactor.core.publisher.Flux<Integer> voted(WebSocketGraphQlTester socket, String ballot) {
        return socket.document(ApiDocuments.load("BallotResultsUpdates")).operationName("BallotResultsUpdates")
                .variable("ballotId", ballot).executeSubscription().toFlux("ballotResults.votedHouseholds", Integer.class);
    }

    @Test
    void resultsAndTurnoutUpdateLiveWhileOpen() {
        Community community = newCommunity();
        List<String> households = community.first(3);
        Login first = verifiedMember(community, households.get(0));
        Login second = verifiedMember(community, households.get(1));
        verifiedMember(community, households.get(2));
        String ballot = openApproveBallot(community);
        List<String> options = optionIds(first, ballot);

        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        streams.add(voted(socket(first), ballot).subscribe(seen::add, failure::set));
        await().until(() -> seen.contains(0) || failure.get() != null);

        vote(first, ballot, List.of(options.get(0)), null).errors().verify();
        await().until(() -> seen.contains(1) || failure.get() != null);
        vote(second, ballot, List.of(options.get(1)), null).errors().verify();
        await().until(() -> seen.contains(2) || failure.get() != null);

        assertThat(failure.get()).isNull();
        assertThat(seen).isSorted().startsWith(0).endsWith(2);
    }

    @Test
    void aResidentOfAnotherCommunityCannotFollowTheResults() {
        Community community = newCommunity();
        verifiedMember(community, community.first(1).get(0));
        String ballot = openApproveBallot(community);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        streams.add(voted(socket(resident()), ballot).subscribe(value -> { }, failure::set));
        await().until(() -> failure.get() != null);
        assertThat(WebSockets.errorCode(failure.get())).isEqualTo("FORBIDDEN");
    }

    private static org.awaitility.core.ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }
}
