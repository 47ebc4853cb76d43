package cn.linli.community;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators appoint and revoke community and street staff; revocation works at once, even on old tokens. */
class StaffAppointmentsE2ETest extends TreeTestBase {

    @Test
    void anAppointmentCarriesATitleAndAGridOfTheCommunitysBuildings() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        String estate = estate(c.staff(), c.id(), "网格苑");
        String one = building(c.staff(), estate, "1栋");
        String two = building(c.staff(), estate, "2栋");
        Login gridWorker = login(unique("grid"));

        GraphQlTester.Response appointed = mutate(admin, "AppointStaff", Map.of("communityId", c.id(),
                "accountId", String.valueOf(gridWorker.accountId()), "title", " 网格员 ", "gridBuildingIds", List.of(two, one)));
        appointed.errors().verify();
        appointed.path("appointStaff.title").entity(String.class).isEqualTo("网格员");
        appointed.path("appointStaff.grid[*].id").entityList(String.class).containsExactly(one, two);
        assertThat(count("select count(*) from account_role where role = 'STAFF' and account_id = " + gridWorker.accountId()))
                .isEqualTo(1);
        assertThat(auditEntries("STAFF", String.valueOf(gridWorker.accountId()), "APPOINTED")).isEqualTo(1);

        // the same person again: title and grid change, audited as an update; the same again changes nothing
        Map<String, Object> change = Map.of("communityId", c.id(), "accountId", String.valueOf(gridWorker.accountId()),
                "title", "网格长", "gridBuildingIds", List.of(one));
        mutate(admin, "AppointStaff", change).errors().verify();
        mutate(admin, "AppointStaff", change).errors().verify();
        assertThat(auditEntries("STAFF", String.valueOf(gridWorker.accountId()), "UPDATED")).isEqualTo(1);
        GraphQlTester.Response tree = api(gridWorker.client(), "ManagedCommunityTree").variable("id", c.id()).execute();
        tree.path("community.staff[*].title").entityList(String.class).containsExactly("社区主任", "网格长");
        tree.path("community.staff[1].grid[*].name").entityList(String.class).containsExactly("1栋");

        // grid buildings must be of this community
        long otherBuilding = idOf("select b.id from building b join community c on c.id = b.community_id"
                + " where c.name = '芳草社区' limit 1");
        expectField(mutate(admin, "AppointStaff", Map.of("communityId", c.id(), "accountId",
                String.valueOf(gridWorker.accountId()), "title", "网格员", "gridBuildingIds",
                List.of(String.valueOf(otherBuilding)))), "input.gridBuildingIds");
    }

    @Test
    void oneAppointmentPerPersonAndOnlyForRealAccountsAndCommunitiesInUse() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        Login fangcao = login("demo-staff-fangcao");
        expectCode(mutate(admin, "AppointStaff", Map.of("communityId", c.id(), "accountId",
                String.valueOf(fangcao.accountId()), "title", "社工")), "STAFF_ELSEWHERE");
        expectCode(mutate(admin, "AppointStreetStaff", Map.of("streetId", c.streetId(), "accountId",
                String.valueOf(c.staff().accountId()), "title", "副主任")), "STAFF_ELSEWHERE");
        expectCode(mutate(admin, "AppointStaff", Map.of("communityId", c.id(), "accountId", "999999999",
                "title", "社工")), "NOT_FOUND");
        expectField(mutate(admin, "AppointStaff", Map.of("communityId", c.id(), "accountId",
                String.valueOf(c.staff().accountId()), "title", "职".repeat(51))), "input.title");

        String retired = newCommunity(admin, c.streetId());
        mutate(admin, "RetirePlace", place("COMMUNITY", retired)).errors().verify();
        expectCode(mutate(admin, "AppointStaff", Map.of("communityId", retired, "accountId",
                String.valueOf(login(unique("late")).accountId()), "title", "社工")), "PLACE_RETIRED");
    }

    @Test
    void onlyAdministratorsAppointAndRevoke() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        Map<String, Object> appoint = Map.of("communityId", c.id(), "accountId",
                String.valueOf(login(unique("hopeful")).accountId()), "title", "社工");
        Map<String, Object> revoke = Map.of("accountId", String.valueOf(c.staff().accountId()));
        for (Login notAdmin : List.of(resident(), c.staff(), login("demo-staff-fangcao"), partner())) {
            expectCode(mutate(notAdmin, "AppointStaff", appoint), "FORBIDDEN");
            expectCode(mutate(notAdmin, "RevokeStaff", revoke), "FORBIDDEN");
            expectCode(mutate(notAdmin, "AppointStreetStaff", Map.of("streetId", c.streetId(), "accountId",
                    String.valueOf(notAdmin.accountId()), "title", "x")), "FORBIDDEN");
        }
        expectCode(api(anonymous(), "AppointStaff").variable("input", appoint).execute(), "UNAUTHENTICATED");
        expectCode(api(anonymous(), "RevokeStaff").variable("input", revoke).execute(), "UNAUTHENTICATED");
        assertThat(count("select count(*) from staff where community_id = " + c.id())).isEqualTo(1);
    }

    @Test
    void aRevokedStaffMembersOldTokenIsRefusedAtOnce() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        Login staff = c.staff();
        String estate = estate(staff, c.id(), "撤销苑");
        api(staff.client(), "StaffCommunityHouseholds").variable("communityId", c.id()).execute().errors().verify();

        GraphQlTester.Response revoked = mutate(admin, "RevokeStaff", Map.of("accountId", String.valueOf(staff.accountId())));
        revoked.errors().verify();
        revoked.path("revokeStaff.staff").entityList(Object.class).hasSize(0);

        // the same access token, issued while they were staff
        expectCode(api(staff.client(), "StaffCommunityHouseholds").variable("communityId", c.id()).execute(), "FORBIDDEN");
        expectCode(mutate(staff, "CreateBuilding", Map.of("estateId", estate, "name", "1栋")), "FORBIDDEN");
        expectCode(api(staff.client(), "AuditLog").variable("communityId", c.id()).execute(), "FORBIDDEN");
        assertThat(count("select count(*) from account_role where role = 'STAFF' and account_id = " + staff.accountId()))
                .isZero();
        assertThat(auditEntries("STAFF", String.valueOf(staff.accountId()), "REVOKED")).isEqualTo(1);
        expectCode(mutate(admin, "RevokeStaff", Map.of("accountId", String.valueOf(staff.accountId()))), "NOT_FOUND");
    }

    @Test
    void streetStaffOverseeTheirStreetsCommunitiesReadOnlyUntilRevoked() {
        Login admin = admin();
        TestCommunity c = newCommunityWithStaff(admin);
        String estate = estate(c.staff(), c.id(), "街道苑");
        household(c.staff(), unit(c.staff(), building(c.staff(), estate, "1栋"), "1单元"), "101");
        Login overseer = login(unique("street"));

        GraphQlTester.Response appointed = mutate(admin, "AppointStreetStaff", Map.of("streetId", c.streetId(),
                "accountId", String.valueOf(overseer.accountId()), "title", "街道办副主任"));
        appointed.errors().verify();
        appointed.path("appointStreetStaff.street.id").entity(String.class).isEqualTo(c.streetId());
        api(overseer.client(), "Streets").execute().path("streets[?(@.id == '" + c.streetId() + "')].staff[*].title")
                .entityList(String.class).containsExactly("街道办副主任");

        api(overseer.client(), "StaffCommunityHouseholds").variable("communityId", c.id()).execute()
                .path("households.edges[*].node.room").entityList(String.class).containsExactly("101");
        // oversight is not a staff appointment: no changes, and not another street's communities
        expectCode(mutate(overseer, "CreateBuilding", Map.of("estateId", estate, "name", "2栋")), "FORBIDDEN");
        long jincheng = idOf("select id from community where name = '锦城社区'");
        expectCode(api(overseer.client(), "StaffCommunityHouseholds").variable("communityId", jincheng).execute(),
                "FORBIDDEN");

        GraphQlTester.Response revoked = mutate(admin, "RevokeStreetStaff",
                Map.of("accountId", String.valueOf(overseer.accountId())));
        revoked.errors().verify();
        revoked.path("revokeStreetStaff.staff").entityList(Object.class).hasSize(0);
        expectCode(api(overseer.client(), "StaffCommunityHouseholds").variable("communityId", c.id()).execute(),
                "FORBIDDEN");
        assertThat(count("select count(*) from account_role where role = 'STAFF' and account_id = " + overseer.accountId()))
                .isZero();
        assertThat(auditEntries("STAFF", String.valueOf(overseer.accountId()), "APPOINTED")).isEqualTo(1);
        assertThat(auditEntries("STAFF", String.valueOf(overseer.accountId()), "REVOKED")).isEqualTo(1);
    }
}
