package cn.linli.community;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.linli.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Fixture builders for the tree-management tests. Every test builds its own street and community through the API,
 * so the demo communities (whose households, estates and staff other tests count) stay as they are.
 */
abstract class TreeTestBase extends IntegrationTest {

    /** A community of this test, with its street and an appointed staff member's session. */
    record TestCommunity(String streetId, String id, Login staff) {
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected GraphQlTester.Response mutate(Login who, String operation, Map<String, Object> input) {
        return api(who.client(), operation).variable("input", input).execute();
    }

    /** Runs the mutation, expects no error, and returns the id at {@code <field>.id}. */
    protected String created(Login who, String operation, Map<String, Object> input) {
        GraphQlTester.Response response = mutate(who, operation, input);
        response.errors().verify();
        String field = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        return response.path(field + ".id").entity(String.class).get();
    }

    protected String newStreet(Login admin) {
        return created(admin, "CreateStreet", Map.of("name", unique("测试街道")));
    }

    protected String newCommunity(Login admin, String streetId) {
        return created(admin, "CreateCommunity", Map.of("streetId", streetId, "name", unique("测试社区"),
                "address", "成都市武侯区测试路 1 号"));
    }

    /** A fresh street and community, and a brand-new WeChat user appointed as its 社区主任 (logged in afterwards). */
    protected TestCommunity newCommunityWithStaff(Login admin) {
        String street = newStreet(admin);
        String community = newCommunity(admin, street);
        Login person = login(unique("staff"));
        appoint(admin, community, person, "社区主任");
        return new TestCommunity(street, community, person);
    }

    protected void appoint(Login admin, String communityId, Login person, String title) {
        mutate(admin, "AppointStaff", Map.of("communityId", communityId, "accountId", String.valueOf(person.accountId()),
                "title", title)).errors().verify();
    }

    protected String estate(Login who, String communityId, String name) {
        return created(who, "CreateEstate", Map.of("communityId", communityId, "name", name));
    }

    protected String building(Login who, String estateId, String name) {
        return created(who, "CreateBuilding", Map.of("estateId", estateId, "name", name));
    }

    protected String unit(Login who, String buildingId, String name) {
        return created(who, "CreateUnit", Map.of("buildingId", buildingId, "name", name));
    }

    protected String household(Login who, String unitId, String room) {
        return created(who, "CreateHousehold", Map.of("unitId", unitId, "room", room));
    }

    protected static Map<String, Object> place(String kind, String id) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", kind);
        input.put("id", id);
        return input;
    }

    protected static void expectField(GraphQlTester.Response response, String field) {
        response.errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                && field.equals(error.getExtensions().get("field"))).verify();
    }

    protected long auditEntries(String subject, String subjectId, String action) {
        return count("select count(*) from audit_event where subject = '" + subject + "' and subject_id = " + subjectId
                + " and action = '" + action + "'");
    }
}
