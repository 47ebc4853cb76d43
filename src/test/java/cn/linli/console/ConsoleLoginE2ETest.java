package cn.linli.console;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import cn.linli.support.ApiDocuments;
import cn.linli.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static cn.linli.support.Concurrently.runAtOnce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scan login of the staff console over HTTP with the api/ documents: the console's ticket and code (through WxJava
 * and the WeChat sandbox), the staff-only confirm, expiry, single use, and a session handed out exactly once.
 */
class ConsoleLoginE2ETest extends IntegrationTest {

    private static final int CALLS = 20;

    private record Ticket(String ticketId, String pollToken, String codeImage) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffScansConfirmsAndTheConsoleGetsOneSession() {
        Ticket ticket = createTicket();
        assertThat(ticket.codeImage()).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(ticket.codeImage().substring("data:image/png;base64,".length()));
        assertThat(new String(png, 1, 3)).isEqualTo("PNG");
        assertThat(weChat().wxaCodes()).anySatisfy(code -> {
            assertThat(code).containsEntry("scene", ticket.ticketId()).containsEntry("page", "pages/staff/console-login");
        });
        assertThat(poll(ticket).get("status")).isEqualTo("PENDING");

        Login staff = staff();
        assertThat(call(staff.accessToken(), "ConfirmConsoleLogin", confirmInput(ticket))).isEqualTo("OK");

        Map<String, Object> first = poll(ticket);
        assertThat(first.get("status")).isEqualTo("CONFIRMED");
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) first.get("session");
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) session.get("account");
        assertThat(account.get("id")).isEqualTo(Long.toString(staff.accountId()));
        assertThat((List<Object>) account.get("roles")).contains("STAFF");
        // the console's session is a real one: its token reads, its refresh token renews
        api(withToken((String) session.get("accessToken")), "Me").execute().errors().verify()
                .path("me.id").entity(String.class).isEqualTo(Long.toString(staff.accountId()));
        api(anonymous(), "RefreshSession").variable("input", Map.of("refreshToken", session.get("refreshToken")))
                .execute().errors().verify();

        Map<String, Object> second = poll(ticket);
        assertThat(second.get("status")).isEqualTo("CLAIMED");
        assertThat(second.get("session")).isNull();
    }

    @Test
    void residentsAndPartnersCannotConfirm() {
        Ticket ticket = createTicket();
        assertThat(call(resident().accessToken(), "ConfirmConsoleLogin", confirmInput(ticket))).isEqualTo("CONSOLE_STAFF_ONLY");
        assertThat(call(partner().accessToken(), "ConfirmConsoleLogin", confirmInput(ticket))).isEqualTo("CONSOLE_STAFF_ONLY");
        assertThat(call(login("console-stranger").accessToken(), "ConfirmConsoleLogin", confirmInput(ticket)))
                .isEqualTo("CONSOLE_STAFF_ONLY");
        assertThat(call(null, "ConfirmConsoleLogin", confirmInput(ticket))).isEqualTo("UNAUTHENTICATED");
        assertThat(poll(ticket).get("status")).isEqualTo("PENDING");
        // an administrator may
        assertThat(call(admin().accessToken(), "ConfirmConsoleLogin", confirmInput(ticket))).isEqualTo("OK");
    }

    @Test
    void anExpiredTicketIsRefusedAndSaysSo() {
        Ticket ticket = createTicket();
        db.sql("update console_login_ticket set expires_at = now() - interval '1 second' where id = :id")
                .bind("id", ticket.ticketId()).then().block();
        assertThat(call(staff().accessToken(), "ConfirmConsoleLogin", confirmInput(ticket))).isEqualTo("CONSOLE_TICKET_EXPIRED");
        assertThat(poll(ticket).get("status")).isEqualTo("EXPIRED");
    }

    @Test
    void aUsedTicketIsRefused() {
        Ticket ticket = createTicket();
        assertThat(call(staff().accessToken(), "ConfirmConsoleLogin", confirmInput(ticket))).isEqualTo("OK");
        assertThat(call(login("demo-staff-2").accessToken(), "ConfirmConsoleLogin", confirmInput(ticket)))
                .isEqualTo("CONSOLE_TICKET_USED");
        poll(ticket);
        assertThat(call(staff().accessToken(), "ConfirmConsoleLogin", confirmInput(ticket))).isEqualTo("CONSOLE_TICKET_USED");
        assertThat(call(staff().accessToken(), "ConfirmConsoleLogin", Map.of("input", Map.of("ticketId", "no-such-ticket"))))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void seeingTheCodeIsNotEnoughToPoll() {
        Ticket ticket = createTicket();
        Ticket thief = new Ticket(ticket.ticketId(), "guessed-poll-token", "");
        assertThat(call(null, "PollConsoleLoginTicket", pollInput(thief))).isEqualTo("NOT_FOUND");
    }

    @Test
    void concurrentConfirmsMakeOneConfirmationAndConcurrentPollsOneSession() throws Exception {
        Ticket ticket = createTicket();
        List<String> tokens = List.of(staff().accessToken(), login("demo-staff-2").accessToken(), admin().accessToken());
        List<Callable<String>> confirms = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            String token = tokens.get(i % tokens.size());
            confirms.add(() -> call(token, "ConfirmConsoleLogin", confirmInput(ticket)));
        }
        List<String> outcomes = runAtOnce(confirms);
        assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("CONSOLE_TICKET_USED"::equals).hasSize(CALLS - 1);

        long sessionsBefore = count("select count(*) from auth_session");
        List<Callable<String>> polls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            polls.add(() -> String.valueOf(pollRaw(ticket)));
        }
        List<String> results = runAtOnce(polls);
        assertThat(results).filteredOn(result -> result.contains("accessToken")).hasSize(1);
        assertThat(results).filteredOn(result -> result.contains("status=CLAIMED")).hasSize(CALLS - 1);
        assertThat(count("select count(*) from auth_session")).isEqualTo(sessionsBefore + 1);
        assertThat(count("select count(*) from console_login_ticket where id = '" + ticket.ticketId()
                + "' and status = 'CLAIMED'")).isEqualTo(1);
    }

    // ---- helpers ----

    @SuppressWarnings("unchecked")
    private Ticket createTicket() {
        Map<String, Object> data = (Map<String, Object>) graphql(null, "CreateConsoleLoginTicket", Map.of()).get("data");
        Map<String, Object> ticket = (Map<String, Object>) data.get("createConsoleLoginTicket");
        return new Ticket((String) ticket.get("ticketId"), (String) ticket.get("pollToken"), (String) ticket.get("codeImage"));
    }

    private static Map<String, Object> confirmInput(Ticket ticket) {
        return Map.of("input", Map.of("ticketId", ticket.ticketId()));
    }

    private static Map<String, Object> pollInput(Ticket ticket) {
        return Map.of("input", Map.of("ticketId", ticket.ticketId(), "pollToken", ticket.pollToken()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> poll(Ticket ticket) {
        Map<String, Object> body = graphql(null, "PollConsoleLoginTicket", pollInput(ticket));
        assertThat(body.get("errors")).as("poll errors").isNull();
        return (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("pollConsoleLoginTicket");
    }

    private Map<String, Object> pollRaw(Ticket ticket) {
        return poll(ticket);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> graphql(@Nullable String token, String operation, Map<String, Object> variables) {
        var request = http().post().uri("/graphql").header("Content-Type", "application/json");
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue(Map.of("query", ApiDocuments.load(operation), "operationName", operation,
                        "variables", variables))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

}
