package cn.linli.order;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.linli.support.ApiDocuments;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that hang up while their dispatch board is being computed (a phone going into a tunnel, a load generator
 * stopping) cancel the work quietly: no ERROR, no stack trace, whatever was pending (issue 15: an ERROR with a stack
 * trace per pending field made 1.9 GB of log in one benchmark session).
 */
class AbortedBoardRequestsE2ETest extends OrderTestBase {

    private static final int ABORTED = 12;

    @Autowired
    private MeterRegistry meters;

    @Test
    void clientsHangingUpMidRequestLeaveNoErrorInTheLog() throws Exception {
        String category = newCategory("ASSIGN");
        Login resident = resident();
        for (int i = 0; i < 10; i++) {
            placeOrder(resident, category);
        }
        Login staff = staff();
        byte[] body = JsonMapper.builder().build().writeValueAsBytes(Map.of("query", ApiDocuments.load("DispatchQueue"),
                "operationName", "DispatchQueue", "variables", Map.of("communityId", jincheng(), "first", 50)));

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            long before = graphQlRequestsObserved();
            for (int i = 0; i < ABORTED; i++) {
                hangUpOnceThePageIsRead(staff.accessToken(), body);
            }
            // every aborted request has ended on the server (answered into the void or cancelled)
            await().atMost(Duration.ofSeconds(60)).until(() -> graphQlRequestsObserved() >= before + ABORTED);
            api(staff.client(), "DispatchQueue").variable("communityId", jincheng()).variable("first", 50).execute()
                    .errors().verify();
        } finally {
            root.detachAppender(captured);
        }

        List<ILoggingEvent> loud = captured.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)
                        || (event.getLevel().isGreaterOrEqual(Level.WARN) && event.getThrowableProxy() != null))
                .toList();
        assertThat(loud).as("ERROR lines or stack traces logged for clients that hung up: %s",
                loud.stream().map(ILoggingEvent::getFormattedMessage).toList()).isEmpty();
    }

    /**
     * Sends the board's request on a raw connection and resets the connection (no goodbye) as soon as the page query
     * has run: the request is then mid-way, its nested fields still to load or to be written.
     */
    private void hangUpOnceThePageIsRead(String token, byte[] body) throws Exception {
        long pagesBefore = pageQueries();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                    .until(() -> pageQueries() > pagesBefore);
        }
    }

    private long pageQueries() {
        return sql.statements().stream().filter(statement -> statement.contains("o.community_id = ")).count();
    }

    private long graphQlRequestsObserved() {
        return meters.find("http.server.requests").tag("uri", "/graphql").timers().stream().mapToLong(Timer::count).sum();
    }
}
