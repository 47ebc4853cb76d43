package cn.linli.project;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do and see what: projects are the community's business — its staff run them, its residents read them,
 * its committee signs them off — and nobody else's. Resources are listed to the community and to their offerer.
 */
class ProjectAccessE2ETest extends ProjectTestBase {

    @Test
    void onlyTheCommunitysStaffRunProjectsAndOnlyItsPeopleReadThem() {
        Community community = newCommunity();
        Login neighbour = resident(community, 0);
        String project = createProject(community, List.of(), "施工");

        // anonymous: at the door
        expectCode(api(anonymous(), "CreateProject").variable("input", projectInput(community, List.of(), "施工"))
                .execute(), "UNAUTHENTICATED");
        expectCode(api(anonymous(), "Project").variable("id", project).execute(), "UNAUTHENTICATED");
        // a resident does not create projects; staff of another community neither create nor run them
        expectCode(mutate(neighbour, "CreateProject", projectInput(community, List.of(), "施工")), "FORBIDDEN");
        expectCode(mutate(staff(), "CreateProject", projectInput(community, List.of(), "施工")), "FORBIDDEN");
        expectCode(mutate(staff(), "StartProject", Map.of("projectId", project)), "FORBIDDEN");
        expectCode(mutate(neighbour, "StartProject", Map.of("projectId", project)), "FORBIDDEN");
        // another community's resident reads neither the project nor the community's lists
        expectCode(project(resident(), project), "FORBIDDEN");
        expectCode(api(resident().client(), "Projects").variable("communityId", community.id()).execute(), "FORBIDDEN");
        expectCode(api(resident().client(), "CommunityResources").variable("communityId", community.id()).execute(),
                "FORBIDDEN");
        expectCode(api(resident().client(), "SupervisionCommittee").variable("communityId", community.id()).execute(),
                "FORBIDDEN");
        // the community's own resident reads them
        project(neighbour, project).errors().verify();
        GraphQlTester.Response list = api(neighbour.client(), "Projects").variable("communityId", community.id())
                .execute();
        list.errors().verify();
        list.path("projects.edges[*].node.id").entityList(String.class).containsExactly(project);
        // input is validated with the message people see
        Map<String, Object> blank = projectInput(community, List.of());
        blank.put("title", "   ");
        GraphQlTester.Response invalid = mutate(community.staff(), "CreateProject", blank);
        invalid.errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                && "input.title".equals(error.getExtensions().get("field"))).verify();
        Map<String, Object> blankMilestone = projectInput(community, List.of());
        blankMilestone.put("milestones", List.of(Map.of("title", " ", "dueOn", "2027-01-01")));
        GraphQlTester.Response refusedMilestone = mutate(community.staff(), "CreateProject", blankMilestone);
        refusedMilestone.errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                && String.valueOf(error.getExtensions().get("field")).startsWith("input.milestones")).verify();
    }

    @Test
    void onlyTheCommunitysCommitteeSignsOffAndOnlyItsResidentsAreAppointed() {
        Community community = newCommunity();
        Login member = committeeMember(community, 0);
        Login neighbour = resident(community, 1);
        String project = createProject(community, List.of(), "施工");
        runToSignOff(community, project);

        // appointments: residents of the community only, never staff, never strangers
        expectCode(mutate(community.staff(), "AppointSupervisionMember", Map.of("communityId", community.id(),
                "accountId", String.valueOf(login("project-stranger-" + project).accountId()))),
                "SUPERVISION_MEMBER_INELIGIBLE");
        expectCode(mutate(community.staff(), "AppointSupervisionMember", Map.of("communityId", community.id(),
                "accountId", String.valueOf(community.staff().accountId()))), "SUPERVISION_MEMBER_INELIGIBLE");
        expectCode(mutate(neighbour, "AppointSupervisionMember", Map.of("communityId", community.id(),
                "accountId", String.valueOf(neighbour.accountId()))), "FORBIDDEN");
        // a committee member of another community (锦城社区's, appointed there) signs nothing here
        Login elsewhere = resident();
        mutate(staff(), "AppointSupervisionMember", Map.of("communityId", String.valueOf(idOf(
                "select id from community where name = '锦城社区'")), "accountId", String.valueOf(elsewhere.accountId())))
                .errors().verify();

        expectCode(signOff(community.staff(), project), "STAFF_CANNOT_SIGN_OFF");
        expectCode(signOff(neighbour, project), "NOT_SUPERVISION_MEMBER");
        expectCode(signOff(elsewhere, project), "NOT_SUPERVISION_MEMBER");
        expectCode(api(anonymous(), "SignOffProject").variable("input", Map.of("projectId", project)).execute(),
                "UNAUTHENTICATED");
        assertThat(status("project", project)).isEqualTo("AWAITING_SIGN_OFF");

        // a member removed signs nothing either; the one left does
        Login second = committeeMember(community, 2);
        GraphQlTester.Response removed = mutate(community.staff(), "RemoveSupervisionMember", Map.of(
                "communityId", community.id(), "accountId", String.valueOf(second.accountId())));
        removed.errors().verify();
        removed.path("removeSupervisionMember.members[*].accountId").entityList(String.class)
                .containsExactly(String.valueOf(member.accountId()));
        expectCode(signOff(second, project), "NOT_SUPERVISION_MEMBER");
        signOff(member, project).errors().verify();
        assertThat(status("project", project)).isEqualTo("COMPLETED");
    }

    @Test
    void needsOfAnotherCommunityAreNotLinked() {
        Community community = newCommunity();
        Login raiser = resident(community, 0);
        String theirNeed = triagedNeed(community, raiser, 0, "楼道灯坏了");
        // 锦城社区's staff make a project of their own and try to take in this community's need
        Map<String, Object> input = projectInput(new Community(String.valueOf(idOf(
                "select id from community where name = '锦城社区'")), staff(), List.of()), List.of(theirNeed));
        GraphQlTester.Response refused = mutate(staff(), "CreateProject", input);
        refused.errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                && "input.needIds".equals(error.getExtensions().get("field"))).verify();
        assertThat(status("need", theirNeed)).isEqualTo("TRIAGED");
    }

    @Test
    void partnersOfferResourcesToCommunitiesTheyServeAndTheCommunitySeesThem() {
        String jincheng = String.valueOf(idOf("select id from community where name = '锦城社区'"));
        Map<String, Object> offer = Map.of("communityId", jincheng, "kind", "SKILL", "title", "水电维修培训",
                "quantity", 10, "unit", "小时");
        GraphQlTester.Response offered = mutate(partner(), "OfferResource", offer);
        offered.errors().verify();
        String resource = offered.path("offerResource.id").entity(String.class).get();
        offered.path("offerResource.offeredByName").entity(String.class).isEqualTo("王师傅水电维修");
        offered.path("offerResource.status").entity(String.class).isEqualTo("OFFERED");

        // a community the partner does not serve; a resident offering; staff offering without naming the unit
        Community other = newCommunity();
        expectCode(mutate(partner(), "OfferResource", Map.of("communityId", other.id(), "kind", "SKILL",
                "title", "水电维修", "quantity", 1, "unit", "次")), "FORBIDDEN");
        expectCode(mutate(resident(), "OfferResource", offer), "FORBIDDEN");
        expectCode(mutate(staff(), "OfferResource", offer), "FORBIDDEN");

        assertThat(resourceIds(resident(), jincheng)).contains(resource);
        expectCode(mutate(resident(), "WithdrawResource", Map.of("resourceId", resource)), "FORBIDDEN");
        mutate(partner(), "WithdrawResource", Map.of("resourceId", resource)).errors().verify();
        expectCode(mutate(partner(), "WithdrawResource", Map.of("resourceId", resource)), "RESOURCE_INVALID_TRANSITION");
        // withdrawn: gone from the residents' list, still on staff's and the offerer's
        assertThat(resourceIds(resident(), jincheng)).doesNotContain(resource);
        assertThat(resourceIds(staff(), jincheng)).contains(resource);
        assertThat(resourceIds(partner(), jincheng)).contains(resource);
        assertThat(count("select count(*) from audit_event where subject = 'PROJECT_RESOURCE' and subject_id = "
                + resource)).isEqualTo(2);
    }

    private List<String> resourceIds(Login who, String communityId) {
        GraphQlTester.Response list = api(who.client(), "CommunityResources").variable("communityId", communityId)
                .variable("first", 100).execute();
        list.errors().verify();
        return list.path("communityResources.edges[*].node.id").entityList(String.class).get();
    }
}
