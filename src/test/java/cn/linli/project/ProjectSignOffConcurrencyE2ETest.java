package cn.linli.project;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import static cn.linli.support.Concurrently.runAtOnce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Committee members signing at the same moment — real concurrent HTTP requests — complete a project exactly once:
 * one completion, one satisfaction ballot, one completion notice per resident.
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
}
