package cn.linli.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.linli.support.ApiDocuments;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compiled dispatch board ({@link CompiledDispatchBoard}) answers exactly what graphql-java answers for the same
 * document, for every filter, page size and cursor; it is used only for the published document from the community's
 * staff, in one statement after the viewer's scope; everything else (wrong viewer, bad variables, another document)
 * gets the general path's answer and error.
 */
class CompiledDispatchBoardE2ETest extends OrderTestBase {

    /** The same operation in a document whose canonical form differs: graphql-java answers it. */
    private static final String GENERAL = ApiDocuments.load("DispatchQueue") + "\nquery NotCompiled { __typename }\n";

    @Autowired
    private MeterRegistry meters;

    private Login staff;

    @BeforeEach
    void aBoardOfEveryKindOfOrder() {
        staff = staff();
        if (count("select count(*) from service_order where description = '编译看板：已评价'") > 0) {
            return;
        }
        String category = newCategory("ASSIGN");
        TestPartner partner = newPartner(category, 20);
        Login member = login(partner.memberCode());
        Login resident = resident();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> input = orderInput(category);
            input.put("urgency", i % 3 == 0 ? "URGENT" : "NORMAL");
            input.put("description", i == 0 ? "编译看板：已评价" : "编译看板：\"引号\" \\ 反斜杠\n换行 " + i);
            if (i == 1) {
                input.put("preferredFrom", "2026-12-24T01:00:00Z");
                input.put("preferredTo", "2026-12-24T03:30:00.123Z");
            }
            place(resident, input).errors().verify();
            long order = idOf("select max(id) from service_order where resident_id = " + resident.accountId());
            String id = String.valueOf(order);
            if (i <= 2) {
                mutate(staff, "DispatchOrder", Map.of("orderId", id, "partnerId", String.valueOf(partner.id())))
                        .errors().verify();
            }
            if (i == 0) { // served and rated: serving member, completion, rating, a six-step timeline
                mutate(member, "AcceptOrder", Map.of("orderId", id)).errors().verify();
                mutate(member, "StartOrder", Map.of("orderId", id)).errors().verify();
                mutate(member, "CompleteOrder", Map.of("orderId", id, "minutesSpent", 45, "notes", "换了阀门"))
                        .errors().verify();
                mutate(resident, "ConfirmOrder", Map.of("orderId", id, "quality", 5, "punctuality", 4,
                        "attitude", 5, "comment", "师傅很专业")).errors().verify();
                // photos on both sides (links are signed from the ids alone), and an instant with no fraction
                db.sql("update service_order set photo_ids = '{9001,9002}', completion_photo_ids = '{9003}',"
                        + " updated_at = date_trunc('second', updated_at) where id = " + order).then().block();
            }
            if (i == 3) {
                db.sql("update service_order set escalated = true where id = " + order).then().block();
            }
        }
    }

    @Test
    void theCompiledBoardAnswersWhatGraphqlJavaAnswers() {
        long community = jincheng();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Integer first : new Integer[] {null, 1, 2, 5, 50, 100}) {
            cases.add(variables(community, first));
        }
        cases.add(with(variables(community, 50), "status", "CONFIRMED"));
        cases.add(with(variables(community, 50), "status", "DISPATCHED"));
        cases.add(with(variables(community, 50), "urgency", "URGENT"));
        cases.add(with(variables(community, 50), "escalated", true));
        cases.add(with(variables(community, 50), "escalated", false));
        cases.add(with(with(variables(community, 3), "status", "CANCELLED"), "escalated", true)); // an empty page
        String cursor = cursorAfter(community, 2);
        cases.add(with(variables(community, 3), "after", cursor));
        cases.add(with(variables(community, 3), "communityId", (int) community)); // an ID given as a number

        for (Map<String, Object> variables : cases) {
            Map<?, ?> compiled = post(ApiDocuments.load("DispatchQueue"), variables);
            Map<?, ?> general = post(GENERAL, variables);
            assertThat(compiled.get("errors")).as("%s", variables).isNull();
            assertThat(withoutSignatures(compiled)).as("%s", variables).isEqualTo(withoutSignatures(general));
        }
        // the board had all of it: the rated order, photos, a preferred time, escaping, an escalated one
        Map<?, ?> all = post(ApiDocuments.load("DispatchQueue"), variables(community, 100));
        assertThat(all.toString()).contains("师傅很专业", "/photos/9001?expires=", "2026-12-24T03:30:00.123Z",
                "\"引号\" \\ 反斜杠\n换行", "escalated=true", "换了阀门");
    }

    @Test
    void onlyThePublishedDocumentFromTheCommunitysStaffIsCompiled() {
        long community = jincheng();
        double timed = requestsTimed();

        sql.reset();
        assertThat(post(ApiDocuments.load("DispatchQueue"), variables(community, 20)).get("errors")).isNull();
        assertThat(sql.statements()).as("the viewer's scope, then the page as JSON").hasSize(2)
                .last().asString().contains("json_build_object");
        assertThat(requestsTimed()).as("graphql.request is timed as for any operation").isEqualTo(timed + 1);

        String admin = admin().accessToken(); // administrators see every board, as on the general path
        sql.reset();
        Map<?, ?> asAdmin = post(admin, ApiDocuments.load("DispatchQueue"), variables(community, 20));
        assertThat(sql.statements()).hasSize(2).last().asString().contains("json_build_object");
        assertThat(withoutSignatures(asAdmin)).isEqualTo(withoutSignatures(post(admin, GENERAL, variables(community, 20))));

        sql.reset();
        assertThat(post(GENERAL, variables(community, 20)).get("errors")).isNull();
        assertThat(sql.statements()).noneMatch(statement -> statement.contains("json_build_object"));

        // refusals are the general path's, and nothing was compiled for them
        assertSameRefusal(resident().accessToken(), variables(community, 20), "FORBIDDEN");
        assertSameRefusal(staff.accessToken(), variables(community + 100_000, 5), "FORBIDDEN");
        assertSameRefusal(null, variables(community, 20), "UNAUTHENTICATED");
        assertSameRefusal(staff.accessToken(), variables(community, 0), "VALIDATION_FAILED");
        assertSameRefusal(staff.accessToken(), variables(community, 101), "VALIDATION_FAILED");
        assertSameRefusal(staff.accessToken(), with(variables(community, 5), "after", "not-a-cursor"), "VALIDATION_FAILED");
        assertSameRefusal(staff.accessToken(), with(variables(community, 5), "status", "NO_SUCH_STATUS"), "VALIDATION_FAILED");
        assertSameRefusal(staff.accessToken(), with(variables(community, 5), "first", "5"), "VALIDATION_FAILED");
    }

    /** Every phone the compiled board shows goes to the person's access log, as on the general path. */
    @Test
    void phonesShownOnTheCompiledBoardAreInTheAccessLog() {
        long resident = resident().accountId();
        Login newStaff = login("board-staff-" + java.util.UUID.randomUUID());
        db.sql("insert into staff (account_id, community_id, title) values (:a, :c, '社工')")
                .bind("a", newStaff.accountId()).bind("c", jincheng()).then().block();
        String seen = "select count(*) from data_access where viewer_account_id = " + newStaff.accountId()
                + " and subject_account_id = " + resident + " and what = 'ORDER_CONTACT_PHONE'";
        for (int refresh = 0; refresh < 5; refresh++) {
            sql.reset();
            assertThat(post(newStaff.accessToken(), ApiDocuments.load("DispatchQueue"), variables(jincheng(), 100))
                    .get("errors")).isNull();
            assertThat(sql.statements()).last().asString().contains("json_build_object");
        }
        // recorded (once: DataAccessLogE2ETest shows the window itself, deterministically)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(seen)).isPositive());
    }

    private void assertSameRefusal(@Nullable String token, Map<String, Object> variables, String code) {
        sql.reset();
        Map<?, ?> compiled = post(token, ApiDocuments.load("DispatchQueue"), variables);
        assertThat(sql.statements()).as("%s", variables).noneMatch(statement -> statement.contains("json_build_object"));
        Map<?, ?> general = post(token, GENERAL, variables);
        assertThat(codes(compiled)).as("%s", variables).containsExactly(code).isEqualTo(codes(general));
        assertThat(compiled.get("data")).isEqualTo(general.get("data"));
    }

    private String cursorAfter(long community, int first) {
        Map<?, ?> page = post(GENERAL, variables(community, first));
        return (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) page.get("data")).get("dispatchQueue")).get("pageInfo"))
                .get("endCursor");
    }

    private static Map<String, Object> variables(long community, @Nullable Object first) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("communityId", String.valueOf(community));
        if (first != null) {
            variables.put("first", first);
        }
        return variables;
    }

    private static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(variables);
        copy.put(name, value);
        return copy;
    }

    private Map<?, ?> post(String document, Map<String, Object> variables) {
        return post(staff.accessToken(), document, variables);
    }

    private Map<?, ?> post(@Nullable String token, String document, Map<String, Object> variables) {
        var request = http().post().uri("/graphql").header("Content-Type", "application/json");
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("operationName", CompiledDispatchBoard.OPERATION);
        body.put("variables", variables);
        return request.bodyValue(body).exchange().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> codes(Map<?, ?> body) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        return errors == null ? List.of() : errors.stream()
                .map(error -> ((Map<String, Object>) error.get("extensions")).get("code")).toList();
    }

    /** Signed photo links carry their validity window: compare them up to the signature. */
    private static Object withoutSignatures(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(key, withoutSignatures(inner)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CompiledDispatchBoardE2ETest::withoutSignatures).toList();
        }
        if (value instanceof String text && text.contains("/photos/")) {
            return text.replaceAll("\\?expires=.*$", "");
        }
        return value;
    }

    private double requestsTimed() {
        return meters.find("graphql.request").tag("graphql.operation", "DispatchQueue").timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }
}
