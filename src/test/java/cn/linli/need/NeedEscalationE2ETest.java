package cn.linli.need;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 街道呼叫: an overdue 急事 escalates to the street's staff by its durable timer exactly once — two pollers at once (two
 * instances), a second poll later, and a timer scheduled twice change nothing more.
 */
class NeedEscalationE2ETest extends NeedTestBase {

    @Test
    void anOverdueUrgentNeedEscalatesToTheStreetOnce() {
        Login admin = admin();
        Login streetStaff = login("need-street-" + java.util.UUID.randomUUID());
        long street = idOf("select street_id from community where name = '锦城社区'");
        api(admin.client(), "AppointStreetStaff").variable("input", Map.of("streetId", String.valueOf(street),
                "accountId", String.valueOf(streetStaff.accountId()), "title", "街道网格办")).execute().errors().verify();
        Login resident = resident();
        Login staff = staff();

        String id = submitted(resident, residentHousehold(), "楼上漏水严重，已淹到客厅");
        String calm = submitted(resident, residentHousehold(), "希望增加垃圾分类宣传");
        triage(staff, id, "URGENT", "NORMAL").errors().verify();
        triage(staff, calm, "IMPORTANT", "NORMAL").errors().verify();
        assertThat(count("select count(*) from timer where kind = 'NEED_ESCALATION' and subject_id = " + id)).isEqualTo(1);
        assertThat(count("select count(*) from timer where kind = 'NEED_ESCALATION' and subject_id = " + calm)).isZero();
        // not escalated yet: the street does not see it
        expectCode(need(streetStaff, id), "FORBIDDEN");

        makeOverdue(id);
        // two pollers at once, as two instances would
        Flux.range(0, 2).flatMap(i -> timers.runDue(), 2).collectList().block(Duration.ofSeconds(60));
        assertThat(status(id)).isEqualTo("ESCALATED");
        assertThat(events(id, "ESCALATE")).isEqualTo(1);
        assertThat(notices(streetStaff.accountId(), NeedNotices.ESCALATED)).isEqualTo(1);

        // a later poll, and the same timer scheduled again and due (a re-delivery), change nothing
        timers.runDue().block(Duration.ofSeconds(30));
        timers.schedule(NeedTriage.ESCALATION, Long.parseLong(id), Instant.now().minusSeconds(1)).block();
        Flux.range(0, 2).flatMap(i -> timers.runDue(), 2).collectList().block(Duration.ofSeconds(60));
        assertThat(events(id, "ESCALATE")).isEqualTo(1);
        assertThat(notices(streetStaff.accountId(), NeedNotices.ESCALATED)).isEqualTo(1);
        assertThat(timeline(resident, id)).containsExactly("SUBMIT", "TRIAGE", "ESCALATE");

        // the street sees it, and only escalated needs; it can settle it
        List<String> escalated = api(streetStaff.client(), "StreetEscalatedNeeds").variable("first", 100).execute()
                .path("streetEscalatedNeeds.edges[*].node.id").entityList(String.class).get();
        assertThat(escalated).contains(id).doesNotContain(calm);
        need(streetStaff, id).errors().verify();
        expectCode(need(streetStaff, calm), "FORBIDDEN");
        expectCode(triage(streetStaff, id, "MAJOR", "NORMAL"), "FORBIDDEN");
        GraphQlTester.Response resolved = mutate(streetStaff, "ResolveNeed", input("needId", id, "note", "已协调物业维修"));
        resolved.errors().verify();
        resolved.path("resolveNeed.status").entity(String.class).isEqualTo("RESOLVED");
        expectCode(api(resident.client(), "StreetEscalatedNeeds").execute(), "FORBIDDEN");
    }

    @Test
    void aNeedTriagedAgainBeforeItsDueDateWaitsForTheNewOne() {
        Login resident = resident();
        Login staff = staff();
        String id = submitted(resident, residentHousehold(), "电梯困人");
        triage(staff, id, "URGENT", "URGENT").errors().verify();
        triage(staff, id, "URGENT", "NORMAL").errors().verify();
        // both timers are due, but the need is not overdue: nothing escalates
        dueNow(NeedTriage.ESCALATION, Long.parseLong(id));
        timers.runDue().block(Duration.ofSeconds(30));
        assertThat(status(id)).isEqualTo("TRIAGED");
        assertThat(events(id, "ESCALATE")).isZero();
    }

    /** The need's due date and its timer in the past, without firing. */
    private void makeOverdue(String needId) {
        db.sql("update need set due_at = now() - interval '1 second' where id = :id").bind("id", Long.parseLong(needId))
                .then().block();
        dueNow(NeedTriage.ESCALATION, Long.parseLong(needId));
    }
}
