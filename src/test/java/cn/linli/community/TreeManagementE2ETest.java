package cn.linli.community;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators register streets and communities; the community's staff build, rename, retire and reinstate its tree. */
class TreeManagementE2ETest extends TreeTestBase {

    @Test
    void anAdminRegistersACommunityAndItsStaffBuildTheTree() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        String estate = estate(c.staff(), c.id(), "锦绣苑");
        String building = building(c.staff(), estate, "3栋");
        String unit = unit(c.staff(), building, "2单元");
        household(c.staff(), unit, "501");
        household(c.staff(), unit, "502");

        GraphQlTester.Response tree = api(c.staff().client(), "ManagedCommunityTree").variable("id", c.id()).execute();
        tree.errors().verify();
        tree.path("community.address").entity(String.class).isEqualTo("成都市武侯区测试路 1 号");
        tree.path("community.householdCount").entity(Integer.class).isEqualTo(2);
        tree.path("community.staff[0].title").entity(String.class).isEqualTo("社区主任");
        tree.path("community.estates[0].buildings[0].units[0].households[*].label").entityList(String.class)
                .containsExactly("锦绣苑 3栋2单元501", "锦绣苑 3栋2单元502");
        tree.path("community.estates[0].buildings[0].units[0].households[0].retiredAt").valueIsNull();

        // a resident finds the new community in the public list of its street, with its street
        GraphQlTester.Response list = api(resident().client(), "Communities").variable("streetId", c.streetId()).execute();
        list.path("communities.edges[*].node.name").entityList(String.class).hasSize(1);
        list.path("communities.edges[0].node.householdCount").entity(Integer.class).isEqualTo(2);

        assertThat(auditEntries("COMMUNITY", c.id(), "CREATED")).isEqualTo(1);
        assertThat(auditEntries("STREET", c.streetId(), "CREATED")).isEqualTo(1);
        assertThat(auditEntries("BUILDING", building, "CREATED")).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where community_id = " + c.id() + " and subject = 'HOUSEHOLD'"))
                .isEqualTo(2);
    }

    @Test
    void renamingIsAuditedBeforeAndAfterAndRefusesANameTakenBySibling() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        String estate = estate(c.staff(), c.id(), "东苑");
        String first = building(c.staff(), estate, "1栋");
        building(c.staff(), estate, "2栋");

        GraphQlTester.Response renamed = mutate(c.staff(), "RenamePlace", Map.of("kind", "BUILDING", "id", first, "name", " 一栋 "));
        renamed.errors().verify();
        renamed.path("renamePlace.__typename").entity(String.class).isEqualTo("Building");
        renamed.path("renamePlace.name").entity(String.class).isEqualTo("一栋");

        GraphQlTester.Response log = api(c.staff().client(), "AuditLog").variable("communityId", c.id())
                .variable("subject", "BUILDING").variable("subjectId", first).execute();
        log.errors().verify();
        log.path("auditLog.edges[0].node.action").entity(String.class).isEqualTo("RENAMED");
        log.path("auditLog.edges[0].node.before").entity(String.class).satisfies(before -> assertThat(before).contains("1栋"));
        log.path("auditLog.edges[0].node.after").entity(String.class).satisfies(after -> assertThat(after).contains("一栋"));

        GraphQlTester.Response taken = mutate(c.staff(), "RenamePlace", Map.of("kind", "BUILDING", "id", first, "name", "2栋"));
        expectCode(taken, "PLACE_NAME_TAKEN");
        // administrators rename communities; staff may not
        expectCode(mutate(c.staff(), "RenamePlace", Map.of("kind", "COMMUNITY", "id", c.id(), "name", "新名字")), "FORBIDDEN");
        mutate(admin, "RenamePlace", Map.of("kind", "COMMUNITY", "id", c.id(), "name", unique("改名社区"))).errors().verify();
        assertThat(auditEntries("COMMUNITY", c.id(), "RENAMED")).isEqualTo(1);
    }

    @Test
    void retiringGoesBottomUpAndRetiredPlacesLeaveTheListsButStayReadable() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        String estate = estate(c.staff(), c.id(), "西苑");
        String building = building(c.staff(), estate, "5栋");
        String unit = unit(c.staff(), building, "1单元");
        String room = household(c.staff(), unit, "101");
        household(c.staff(), unit, "102");

        expectCode(mutate(c.staff(), "RetirePlace", place("UNIT", unit)), "PLACE_HAS_ACTIVE_CHILDREN");
        GraphQlTester.Response retired = mutate(c.staff(), "RetirePlace", place("HOUSEHOLD", room));
        retired.errors().verify();
        retired.path("retirePlace.retiredAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
        // retiring again changes nothing and records nothing more
        mutate(c.staff(), "RetirePlace", place("HOUSEHOLD", room)).errors().verify();
        assertThat(auditEntries("HOUSEHOLD", room, "RETIRED")).isEqualTo(1);

        GraphQlTester.Response plain = api(resident().client(), "ManagedCommunityTree").variable("id", c.id()).execute();
        plain.path("community.estates[0].buildings[0].units[0].households[*].room").entityList(String.class)
                .containsExactly("102");
        plain.path("community.householdCount").entity(Integer.class).isEqualTo(1);
        GraphQlTester.Response all = api(c.staff().client(), "ManagedCommunityTree").variable("id", c.id())
                .variable("includeRetired", true).execute();
        all.path("community.estates[0].buildings[0].units[0].households[*].room").entityList(String.class)
                .containsExactly("101", "102");
        GraphQlTester.Response page = api(c.staff().client(), "StaffCommunityHouseholds").variable("communityId", c.id())
                .execute();
        page.path("households.edges[*].node.room").entityList(String.class).containsExactly("102");
        api(c.staff().client(), "StaffCommunityHouseholds").variable("communityId", c.id()).variable("includeRetired", true)
                .execute().path("households.edges[*].node.room").entityList(String.class).containsExactly("101", "102");

        // a retired household cannot be reinstated under a retired unit, nor a room added to it
        mutate(c.staff(), "RetirePlace", place("HOUSEHOLD", idOfRoom(unit, "102"))).errors().verify();
        mutate(c.staff(), "RetirePlace", place("UNIT", unit)).errors().verify();
        expectCode(mutate(c.staff(), "ReinstatePlace", place("HOUSEHOLD", room)), "PLACE_RETIRED");
        expectCode(mutate(c.staff(), "CreateHousehold", Map.of("unitId", unit, "room", "103")), "PLACE_RETIRED");
        mutate(c.staff(), "ReinstatePlace", place("UNIT", unit)).errors().verify();
        GraphQlTester.Response back = mutate(c.staff(), "ReinstatePlace", place("HOUSEHOLD", room));
        back.errors().verify();
        back.path("reinstatePlace.retiredAt").valueIsNull();
        assertThat(auditEntries("HOUSEHOLD", room, "REINSTATED")).isEqualTo(1);
        assertThat(count("select count(*) from household where id = " + room)).as("never deleted").isEqualTo(1);
    }

    @Test
    void aRetiredSiblingKeepsItsNameUntilRenamedWhileAnActiveOneIsReturnedAsIs() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        String estate = estate(c.staff(), c.id(), "南苑");
        String old = building(c.staff(), estate, "3栋");
        assertThat(building(c.staff(), estate, "3栋")).as("same row for the same name").isEqualTo(old);

        mutate(c.staff(), "RetirePlace", place("BUILDING", old)).errors().verify();
        GraphQlTester.Response taken = mutate(c.staff(), "CreateBuilding", Map.of("estateId", estate, "name", "3栋"));
        taken.errors().expect(error -> "PLACE_NAME_TAKEN".equals(error.getExtensions().get("code"))
                && old.equals(error.getExtensions().get("existingId"))).verify();

        mutate(c.staff(), "RenamePlace", Map.of("kind", "BUILDING", "id", old, "name", "3栋（旧）")).errors().verify();
        String fresh = building(c.staff(), estate, "3栋");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(count("select count(*) from building where estate_id = " + estate)).isEqualTo(2);
    }

    @Test
    void inputsAreValidatedWithTheFieldTheyAreAbout() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        String estate = estate(c.staff(), c.id(), "北苑");
        String building = building(c.staff(), estate, "1栋");
        String unit = unit(c.staff(), building, "1单元");
        expectField(mutate(c.staff(), "CreateEstate", Map.of("communityId", c.id(), "name", "   ")), "input.name");
        expectField(mutate(c.staff(), "CreateBuilding", Map.of("estateId", estate, "name", "栋".repeat(51))), "input.name");
        expectField(mutate(c.staff(), "CreateUnit", Map.of("buildingId", building, "name", "单元\u0007")), "input.name");
        expectField(mutate(c.staff(), "CreateHousehold", Map.of("unitId", unit, "room", "1".repeat(21))), "input.room");
        expectField(mutate(c.staff(), "CreateHousehold", Map.of("unitId", "abc", "room", "101")), "input.unitId");
        expectField(mutate(c.staff(), "RenamePlace", Map.of("kind", "HOUSEHOLD", "id", household(c.staff(), unit, "101"),
                "name", "1".repeat(21))), "input.name");
        expectField(mutate(admin, "CreateCommunity", Map.of("streetId", c.streetId(), "name", "社区",
                "address", "路".repeat(201))), "input.address");
        expectCode(mutate(c.staff(), "CreateBuilding", Map.of("estateId", "999999999", "name", "1栋")), "NOT_FOUND");
        expectCode(mutate(c.staff(), "RetirePlace", place("ESTATE", "999999999")), "NOT_FOUND");
    }

    @Test
    void onlyTheCommunitysStaffAndAdministratorsChangeItsTree() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        String estate = estate(c.staff(), c.id(), "中苑");
        Map<String, Object> building = Map.of("estateId", estate, "name", "9栋");
        expectCode(mutate(resident(), "CreateBuilding", building), "FORBIDDEN");
        expectCode(mutate(login("demo-staff-fangcao"), "CreateBuilding", building), "FORBIDDEN");
        expectCode(mutate(staff(), "CreateBuilding", building), "FORBIDDEN");
        expectCode(mutate(partner(), "CreateBuilding", building), "FORBIDDEN");
        expectCode(api(anonymous(), "CreateBuilding").variable("input", building).execute(), "UNAUTHENTICATED");
        expectCode(mutate(login("demo-staff-fangcao"), "RetirePlace", place("ESTATE", estate)), "FORBIDDEN");
        expectCode(mutate(resident(), "RenamePlace", Map.of("kind", "ESTATE", "id", estate, "name", "x")), "FORBIDDEN");
        // streets and communities are the platform's
        expectCode(mutate(c.staff(), "CreateStreet", Map.of("name", unique("街道"))), "FORBIDDEN");
        expectCode(mutate(c.staff(), "CreateCommunity", Map.of("streetId", c.streetId(), "name", unique("社区"))), "FORBIDDEN");
        expectCode(mutate(c.staff(), "RetirePlace", place("COMMUNITY", c.id())), "FORBIDDEN");
        assertThat(count("select count(*) from building where estate_id = " + estate)).isZero();
        // administrators may work inside any community
        building(admin, estate, "9栋");
    }

    @Test
    void aNewResidentFindsTheirCommunityByPartOfItsName() {
        Login admin = admin();
        String street = newStreet(admin);
        String token = unique("寻").substring(2);
        String plain = created(admin, "CreateCommunity", Map.of("streetId", street, "name", "Abc" + token + "社区"));
        String percent = created(admin, "CreateCommunity", Map.of("streetId", street, "name", token + "_100%社区"));
        Login newcomer = login(unique("newcomer"));

        assertThat(search(newcomer, "  abc" + token + " ")).containsExactly(plain);
        assertThat(search(newcomer, token)).containsExactlyInAnyOrder(plain, percent);
        assertThat(search(newcomer, token + "_100%")).containsExactly(percent);
        assertThat(search(newcomer, "%" + token.substring(1))).isEmpty();

        mutate(admin, "RetirePlace", place("COMMUNITY", percent)).errors().verify();
        assertThat(search(newcomer, token)).containsExactly(plain);
        api(newcomer.client(), "CommunityTree").variable("id", percent).execute().errors().verify();
        expectField(api(newcomer.client(), "SearchCommunities").variable("search", "长".repeat(101)).execute(), "search");
        expectCode(api(anonymous(), "SearchCommunities").variable("search", token).execute(), "UNAUTHENTICATED");
    }

    private List<String> search(Login who, String text) {
        GraphQlTester.Response response = api(who.client(), "SearchCommunities").variable("search", text).execute();
        response.errors().verify();
        return response.path("communities.edges[*].node.id").entityList(String.class).get();
    }

    private String idOfRoom(String unitId, String room) {
        return String.valueOf(idOf("select id from household where unit_id = " + unitId + " and room = '" + room + "'"));
    }
}
