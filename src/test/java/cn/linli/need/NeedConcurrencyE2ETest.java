package cn.linli.need;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.linli.support.Concurrently.runAtOnce;
import static org.assertj.core.api.Assertions.assertThat;

/** Real concurrent requests: replays of one submission make one need; two staff at once make one outcome. */
class NeedConcurrencyE2ETest extends NeedTestBase {

    @Test
    void twentyIdenticalSubmissionsAtOnceMakeOneNeed() throws Exception {
        Login resident = resident();
        Map<String, Object> input = needInput(residentHousehold(), "二十次同时提交的需求");
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> submit(resident, input).path("submitNeed.id").entity(String.class).get());
        }
        List<String> ids = runAtOnce(calls);
        assertThat(ids).hasSize(20).containsOnly(ids.get(0));
        assertThat(count("select count(*) from need where description = '二十次同时提交的需求'")).isEqualTo(1);
        assertThat(count("select count(*) from need_supporter where need_id = " + ids.get(0))).isEqualTo(1);
        assertThat(events(ids.get(0), "SUBMIT")).isEqualTo(1);
    }

    @Test
    void twoStaffMergingTheSameDuplicateAtOnceMakeOneMerge() throws Exception {
        Login resident = resident();
        Login staff = staff();
        Login secondStaff = login("demo-staff-2");
        String original = submitted(resident, residentHousehold(), "小区健身器材损坏");
        String duplicate = collected(staff, household("锦江苑", "1栋", "2单元", "302"), "健身器材坏了");
        Map<String, Object> merge = input("needId", duplicate, "intoNeedId", original);
        List<GraphQlTester.Response> responses = runAtOnce(List.of(() -> mutate(staff, "MergeNeeds", merge),
                () -> mutate(secondStaff, "MergeNeeds", merge)));
        long succeeded = responses.stream().filter(r -> {
            try {
                r.errors().verify();
                return true;
            } catch (AssertionError refused) {
                expectCode(r, "NEED_INVALID_TRANSITION");
                return false;
            }
        }).count();
        assertThat(succeeded).isEqualTo(1);
        assertThat(events(duplicate, "MERGE")).isEqualTo(1);
        assertThat(events(original, "ABSORB")).isEqualTo(1);
        assertThat(count("select count(*) from need_supporter where need_id = " + original)).isEqualTo(2);
    }

    @Test
    void twoStaffTriagingAtOnceLeaveOneConsistentOutcome() throws Exception {
        Login resident = resident();
        Login staff = staff();
        Login secondStaff = login("demo-staff-2");
        String id = submitted(resident, residentHousehold(), "同时分流的需求");
        List<GraphQlTester.Response> responses = runAtOnce(List.of(() -> triage(staff, id, "URGENT", "NORMAL"),
                () -> triage(secondStaff, id, "IMPORTANT", "NORMAL")));
        responses.forEach(response -> response.errors().verify());
        // they queued on the row: two steps, and the need is what the later one made it, due date included
        assertThat(events(id, "TRIAGE")).isEqualTo(2);
        String lastNote = db.sql("select note from need_event where need_id = :id and action = 'TRIAGE' order by id desc limit 1")
                .bind("id", Long.parseLong(id)).map(row -> row.get("note", String.class)).one().block();
        String kind = db.sql("select kind from need where id = :id").bind("id", Long.parseLong(id))
                .map(row -> row.get("kind", String.class)).one().block();
        assertThat(lastNote).startsWith(NeedKind.valueOf(kind).displayName());
        long dueDays = count("select round(extract(epoch from due_at - updated_at) / 86400)::bigint from need where id = " + id);
        assertThat(dueDays).isEqualTo("URGENT".equals(kind) ? 2 : 14);
    }
}
