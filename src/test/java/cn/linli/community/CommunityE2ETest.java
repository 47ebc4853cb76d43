package cn.linli.community;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The community tree and who may see the people in it. */
class CommunityE2ETest extends IntegrationTest {

    private long jincheng() {
        return idOf("select id from community where name = '锦城社区'");
    }

    private long fangcao() {
        return idOf("select id from community where name = '芳草社区'");
    }

    @Test
    void residentSeesTheWholeTreeButOnlyTheirOwnHouseholdsMembers() {
        Login resident = resident();
        GraphQlTester.Response tree = api(resident.client(), "CommunityTree").variable("id", jincheng()).execute();
        tree.errors().verify();
        tree.path("community.name").entity(String.class).isEqualTo("锦城社区");
        tree.path("community.street.name").entity(String.class).isEqualTo("玉林街道");
        tree.path("community.householdCount").entity(Integer.class).isEqualTo(24);
        tree.path("community.staff[*].title").entityList(String.class).containsExactly("社区书记", "网格员");
        tree.path("community.estates[*].name").entityList(String.class).containsExactly("桂花园", "锦江苑");
        tree.path("community.estates[1].buildings[0].units[0].households[0].label").entity(String.class)
                .isEqualTo("锦江苑 1栋1单元101");
        tree.path("community.estates[1].buildings[0].units[0].households[0].members[*].nickname")
                .entityList(String.class).containsExactly("演示居民张阿姨", "演示家属小张");
        tree.path("community.estates[1].buildings[0].units[0].households[0].members[0].phoneMasked")
                .entity(String.class).isEqualTo("138****0001");
        // a neighbour's household: address visible, people not
        tree.path("community.estates[1].buildings[0].units[0].households[1].label").entity(String.class)
                .isEqualTo("锦江苑 1栋1单元201");
        tree.path("community.estates[1].buildings[0].units[0].households[1].members").valueIsNull();
    }

    @Test
    void staffSeeMembersInTheirCommunityOnly() {
        Login staff = staff();
        GraphQlTester.Response own = api(staff.client(), "CommunityTree").variable("id", jincheng()).execute();
        own.path("community.estates[0].buildings[0].units[0].households[*].members[0].nickname")
                .entityList(String.class).hasSize(3);
        GraphQlTester.Response other = api(staff.client(), "CommunityTree").variable("id", fangcao()).execute();
        other.errors().verify();
        other.path("community.estates[0].buildings[0].units[0].households[0].members").valueIsNull();
    }

    @Test
    void staffPageThroughAllHouseholdsOfTheirCommunity() {
        Login staff = staff();
        Set<String> seen = new HashSet<>();
        List<String> labels = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            GraphQlTester.Response page = api(staff.client(), "CommunityHouseholds")
                    .variable("communityId", String.valueOf(jincheng()))
                    .variable("first", 10)
                    .variable("after", after)
                    .execute();
            page.errors().verify();
            List<String> ids = page.path("households.edges[*].node.id").entityList(String.class).get();
            labels.addAll(page.path("households.edges[*].node.label").entityList(String.class).get());
            ids.forEach(id -> assertThat(seen.add(id)).as("no household twice").isTrue());
            boolean hasNext = page.path("households.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = hasNext ? page.path("households.pageInfo.endCursor").entity(String.class).get() : null;
            pages++;
        } while (after != null);
        assertThat(seen).hasSize(24);
        assertThat(pages).isEqualTo(3);
        assertThat(labels).contains("锦江苑 1栋1单元101", "桂花园 2栋2单元302");
    }

    @Test
    void householdListIsForStaffOfThatCommunityOnly() {
        for (String code : List.of("demo-resident", "demo-partner")) {
            expectCode(api(login(code).client(), "CommunityHouseholds").variable("communityId", jincheng()).execute(),
                    "FORBIDDEN");
        }
        expectCode(api(staff().client(), "CommunityHouseholds").variable("communityId", fangcao()).execute(),
                "FORBIDDEN");
        expectCode(api(anonymous(), "CommunityHouseholds").variable("communityId", jincheng()).execute(),
                "UNAUTHENTICATED");
        api(admin().client(), "CommunityHouseholds").variable("communityId", fangcao()).execute()
                .errors().verify();
    }

    @Test
    void communitiesArePagedOldestFirst() {
        Login resident = resident();
        GraphQlTester.Response first = api(resident.client(), "Communities").variable("first", 1).execute();
        first.path("communities.edges[0].node.name").entity(String.class).isEqualTo("锦城社区");
        first.path("communities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("communities.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = api(resident.client(), "Communities").variable("first", 1)
                .variable("after", cursor).execute();
        second.path("communities.edges[0].node.name").entity(String.class).isEqualTo("芳草社区");
    }

    @Test
    void badIdsAndCursorsAreValidationErrorsAndUnknownIdsNotFound() {
        Login resident = resident();
        expectField(api(resident.client(), "CommunityTree").variable("id", "abc").execute(), "id");
        expectField(api(resident.client(), "CommunityTree").variable("id", "-5").execute(), "id");
        expectCode(api(resident.client(), "CommunityTree").variable("id", "999999").execute(), "NOT_FOUND");
        expectField(api(resident.client(), "Communities").variable("after", "not-a-cursor").execute(), "after");
        expectField(api(resident.client(), "Communities").variable("streetId", "x1").execute(), "streetId");
        expectCode(api(anonymous(), "Communities").execute(), "UNAUTHENTICATED");
    }

    private static void expectField(GraphQlTester.Response response, String field) {
        response.errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                && field.equals(error.getExtensions().get("field"))).verify();
    }

}
