package cn.linli.project;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一户一票问效果, end to end through the API: a resident's need → staff make it a project with a resource and
 * milestones → milestones reported done with photos (the community's residents are told and see them) → the
 * supervision committee signs off → completed, the need resolved, the resource used → the satisfaction ballot is
 * open and a household votes in it.
 */
class ProjectJourneyE2ETest extends ProjectTestBase {

    @Test
    void needToProjectToSignOffToSatisfactionBallot() {
        Community community = newCommunity();
        Login raiser = resident(community, 0);
        Login neighbour = resident(community, 1);
        Login member = committeeMember(community, 2);
        Login staff = community.staff();
        String need = triagedNeed(community, raiser, 0, "1 栋没有电梯，老人上下楼困难");

        String resource = data(api(staff.client(), "OfferResource").variable("input", Map.of("communityId",
                community.id(), "kind", "MONEY", "title", "加装电梯补贴", "quantity", 2_000_000, "unit", "分",
                "unitName", "街道办事处")), "offerResource.id");
        String project = createProject(community, List.of(need), "方案设计", "施工安装");
        assertThat(status("need", need)).isEqualTo("IN_PROJECT");
        GraphQlTester.Response pledged = mutate(staff, "PledgeResource", Map.of("projectId", project,
                "resourceId", resource));
        pledged.errors().verify();
        pledged.path("pledgeResource.resources[0].status").entity(String.class).isEqualTo("PLEDGED");
        pledged.path("pledgeResource.needs[0].statusName").entity(String.class).isEqualTo("已纳入项目");

        // not yet: the committee signs off only what waits for it, and only with every milestone done
        mutate(staff, "StartProject", Map.of("projectId", project)).errors().verify();
        expectCode(signOff(member, project), "PROJECT_INVALID_TRANSITION");
        expectCode(mutate(staff, "SubmitProjectForSignOff", Map.of("projectId", project)), "PROJECT_MILESTONES_OPEN");

        List<String> milestones = milestoneIds(staff, project);
        report(staff, milestones.get(0), photo(staff)).errors().verify();
        expectCode(report(staff, milestones.get(0), photo(staff)), "VALIDATION_FAILED");
        expectCode(mutate(staff, "ReportProjectMilestone", Map.of("milestoneId", milestones.get(1), "note", "无照片")),
                "VALIDATION_FAILED");
        expectCode(mutate(staff, "SubmitProjectForSignOff", Map.of("projectId", project)), "PROJECT_MILESTONES_OPEN");
        report(staff, milestones.get(1), photo(staff)).errors().verify();
        assertThat(notices(neighbour, ProjectNotices.MILESTONE)).isEqualTo(2);

        // progress is public to the community: a neighbour sees the milestones with their photos
        GraphQlTester.Response seen = project(neighbour, project);
        seen.errors().verify();
        seen.path("project.milestones[*].done").entityList(Boolean.class).containsExactly(true, true);
        seen.path("project.milestones[0].photoUrls").entityList(String.class).hasSize(1);
        seen.path("project.needs[0].description").entity(String.class).isEqualTo("1 栋没有电梯，老人上下楼困难");

        GraphQlTester.Response submitted = mutate(staff, "SubmitProjectForSignOff", Map.of("projectId", project));
        submitted.errors().verify();
        submitted.path("submitProjectForSignOff.status").entity(String.class).isEqualTo("AWAITING_SIGN_OFF");
        assertThat(notices(member, ProjectNotices.AWAITING_SIGN_OFF)).isEqualTo(1);

        GraphQlTester.Response signed = signOff(member, project);
        signed.errors().verify();
        signed.path("signOffProject.status").entity(String.class).isEqualTo("COMPLETED");
        signed.path("signOffProject.signOffs[0].accountId").entity(String.class)
                .isEqualTo(String.valueOf(member.accountId()));
        String ballot = signed.path("signOffProject.satisfactionBallotId").entity(String.class).get();
        expectCode(signOff(member, project), "ALREADY_SIGNED_OFF");

        assertThat(status("need", need)).isEqualTo("RESOLVED");
        assertThat(status("project_resource", resource)).isEqualTo("USED");
        assertThat(count("select count(*) from ballot where kind = 'SATISFACTION' and subject_kind = 'PROJECT'"
                + " and subject_id = " + project)).isEqualTo(1);
        assertThat(notices(raiser, ProjectNotices.COMPLETED)).isEqualTo(1);
        assertThat(count("select count(*) from need_event where need_id = " + need
                + " and action in ('ADD_TO_PROJECT', 'PROJECT_COMPLETED')")).isEqualTo(2);
        assertThat(count("select count(*) from audit_event where subject = 'PROJECT' and subject_id = " + project
                + " and action = 'COMPLETED'")).isEqualTo(1);

        // the household that raised the need says whether it worked
        GraphQlTester.Response shown = api(raiser.client(), "Ballot").variable("id", ballot).execute();
        shown.errors().verify();
        shown.path("ballot.status").entity(String.class).isEqualTo("OPEN");
        shown.path("ballot.kind").entity(String.class).isEqualTo("SATISFACTION");
        List<String> options = shown.path("ballot.options[*].id").entityList(String.class).get();
        GraphQlTester.Response voted = api(raiser.client(), "CastBallotVote").variable("input",
                Map.of("ballotId", ballot, "optionIds", List.of(options.get(0)))).execute();
        voted.errors().verify();
        assertThat(count("select count(*) from ballot_vote where ballot_id = " + ballot)).isEqualTo(1);
    }

    @Test
    void cancellingGivesNeedsAndResourcesBack() {
        Community community = newCommunity();
        Login raiser = resident(community, 0);
        Login staff = community.staff();
        String need = triagedNeed(community, raiser, 0, "小区广场缺少健身器材");
        String resource = data(api(staff.client(), "OfferResource").variable("input", Map.of("communityId",
                community.id(), "kind", "VENUE", "title", "社区活动室", "quantity", 1, "unit", "间",
                "unitName", "社区党群服务中心")), "offerResource.id");
        String project = createProject(community, List.of(), "采购安装");
        mutate(staff, "LinkProjectNeeds", Map.of("projectId", project, "needIds", List.of(need))).errors().verify();
        mutate(staff, "PledgeResource", Map.of("projectId", project, "resourceId", resource)).errors().verify();
        expectCode(mutate(staff, "LinkProjectNeeds", Map.of("projectId", project, "needIds", List.of(need))),
                "NEED_INVALID_TRANSITION");

        GraphQlTester.Response cancelled = mutate(staff, "CancelProject", Map.of("projectId", project,
                "reason", "预算未获批准"));
        cancelled.errors().verify();
        cancelled.path("cancelProject.status").entity(String.class).isEqualTo("CANCELLED");
        assertThat(status("need", need)).isEqualTo("TRIAGED");
        assertThat(status("project_resource", resource)).isEqualTo("OFFERED");
        expectCode(mutate(staff, "StartProject", Map.of("projectId", project)), "PROJECT_INVALID_TRANSITION");
        expectCode(mutate(staff, "AddProjectMilestone", Map.of("projectId", project, "title", "再来",
                "dueOn", "2027-01-01")), "PROJECT_INVALID_TRANSITION");
    }

    private long notices(Login who, String kind) {
        return count("select count(*) from notification where account_id = " + who.accountId() + " and kind = '"
                + kind + "'");
    }
}
