package cn.linli.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import static cn.linli.support.Concurrently.runAtOnce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Committee members signing at the same moment — real concurrent HTTP requests — complete a project exactly once:
 * one completion, one satisfaction ballot, one completion notice per resident. A creation sent several times at once
 * under one idempotency key makes one project.
 */
class ProjectSignOffConcurrencyE2ETest extends ProjectTestBase {

    @Test
    void threeMembersSigningAtOnceCompleteItOnce() throws Exception {
        Community community = newCommunity();
        List<Login> members = List.of(committeeMember(community, 0), committeeMember(community, 1),
                committeeMember(community, 2));
        Login neighbour = resident(community, 3);
        String project = createProject(community, List.of(), "施工");
        runToSignOff(community, project);

        List<String> outcomes = runAtOnce(members.stream()
                .map(member -> (Callable<String>) () -> call(member.accessToken(), "SignOffProject",
                        Map.of("input", Map.of("projectId", project))))
                .toList());

        assertThat(outcomes).containsOnlyOnce("OK").containsOnly("OK", "PROJECT_INVALID_TRANSITION");
        assertThat(status("project", project)).isEqualTo("COMPLETED");
        assertThat(count("select count(*) from project_sign_off where project_id = " + project)).isEqualTo(1);
        assertOnceCompleted(project, neighbour);
    }

    @Test
    void aMajorityRuleWaitsForEnoughMembersAndAReplayCountsOnce() throws Exception {
        Community community = newCommunity();
        Login first = committeeMember(community, 0);
        Login second = committeeMember(community, 1);
        Login third = committeeMember(community, 2);
        mutate(community.staff(), "SetSupervisionRule", Map.of("communityId", community.id(), "minSignOffs", 1,
                "majority", true)).path("setSupervisionRule.requiredSignOffs").entity(Integer.class).isEqualTo(2);
        String project = createProject(community, List.of(), "施工");
        runToSignOff(community, project);

        // the same member twice at once (a double tap): one sign-off
        Callable<String> tap = () -> call(first.accessToken(), "SignOffProject", Map.of("input", Map.of("projectId", project)));
        assertThat(runAtOnce(List.of(tap, tap))).containsExactlyInAnyOrder("OK", "ALREADY_SIGNED_OFF");
        assertThat(status("project", project)).isEqualTo("AWAITING_SIGN_OFF");
        project(first, project).path("project.signOffCount").entity(Integer.class).isEqualTo(1);

        List<String> outcomes = runAtOnce(List.of(
                () -> call(second.accessToken(), "SignOffProject", Map.of("input", Map.of("projectId", project))),
                () -> call(third.accessToken(), "SignOffProject", Map.of("input", Map.of("projectId", project)))));
        assertThat(outcomes).containsExactlyInAnyOrder("OK", "PROJECT_INVALID_TRANSITION");
        assertThat(count("select count(*) from project_sign_off where project_id = " + project)).isEqualTo(2);
        assertOnceCompleted(project, first);
    }

    private void assertOnceCompleted(String project, Login resident) {
        assertThat(status("project", project)).isEqualTo("COMPLETED");
        assertThat(count("select count(*) from ballot where kind = 'SATISFACTION' and subject_kind = 'PROJECT'"
                + " and subject_id = " + project)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where subject = 'PROJECT' and subject_id = " + project
                + " and action = 'COMPLETED'")).isEqualTo(1);
        assertThat(count("select count(*) from notification where account_id = " + resident.accountId()
                + " and kind = '" + ProjectNotices.COMPLETED + "'")).isEqualTo(1);
        assertThat(count("select count(*) from project where id = " + project + " and ballot_id is not null"))
                .isEqualTo(1);
    }

    @Test
    void aCreationReplayedUnderItsKeyMakesOneProject() throws Exception {
        Community community = newCommunity();
        Map<String, Object> input = new HashMap<>(projectInput(community, List.of(), "施工"));
        input.put("idempotencyKey", "create-project-replay-1");
        String token = community.staff().accessToken();

        List<String> outcomes = runAtOnce(java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> (Callable<String>) () -> call(token, "CreateProject", Map.of("input", input)))
                .toList());

        assertThat(outcomes).containsOnly("OK");
        assertThat(count("select count(*) from project where idempotency_key = 'create-project-replay-1'"))
                .isEqualTo(1);
        String first = data(api(community.staff().client(), "CreateProject").variable("input", input), "createProject.id");
        assertThat(count("select count(*) from project where id = " + first + " and idempotency_key is not null"))
                .isEqualTo(1);

        // the same key for a different project is refused and makes nothing
        Map<String, Object> other = new HashMap<>(input);
        other.put("title", "修缮屋顶");
        expectCode(mutate(community.staff(), "CreateProject", other), "IDEMPOTENCY_KEY_REUSED");
        assertThat(count("select count(*) from project where created_by = " + community.staff().accountId()))
                .isEqualTo(1);
    }

}
