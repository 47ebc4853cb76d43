package cn.linli.household;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heads manage their household: a HEAD request meets a household that has a head, staff remove the head who moved
 * away, the new head decides the next requests, hands the role over and leaves; members leave; outsiders cannot touch
 * any of it; and a resident-only action elsewhere (placing an order) follows membership as it changes.
 */
class HouseholdMembershipE2ETest extends HouseholdTestBase {

    @Test
    void aNewHeadTakesOverDecidesRequestsHandsOverAndLeaves() {
        Login staff = staff();
        Login head = newcomer();
        String household = jinchengHousehold(head, "锦江苑 2栋1单元101");
        long formerHead = idOf("select account_id from household_member where is_head and household_id = " + household);

        // a HEAD request while the household has a head is refused and keeps waiting
        String headRequest = applied(head, household, "HEAD", "林户主");
        expectCode(approve(staff, headRequest), "HOUSEHOLD_HAS_HEAD");
        assertThat(count("select count(*) from verification_request where status = 'PENDING' and id = " + headRequest))
                .isEqualTo(1);
        assertThat(members(household, head.accountId())).isZero();

        // staff remove the head who moved away (they are told), then the request can be approved
        GraphQlTester.Response removed = membership(staff, "RemoveHouseholdMember",
                Map.of("householdId", household, "accountId", String.valueOf(formerHead)));
        removed.errors().verify();
        assertThat(members(household, formerHead)).isZero();
        assertThat(notices(formerHead, "HOUSEHOLD_MEMBER_REMOVED")).isEqualTo(1);
        assertThat(audits("MEMBERSHIP", household, "REMOVED", household)).isEqualTo(1);
        assertStatus(approve(staff, headRequest), "approveVerificationRequest", "APPROVED");

        // the next request goes to the new head, who decides it
        Login family = newcomer();
        String familyRequest = applied(family, household, "FAMILY", "林家属");
        assertThat(notices(head.accountId(), "VERIFICATION_REQUESTED")).isEqualTo(1);
        assertThat(toDecide(head, "PENDING")).containsExactly(familyRequest);
        assertStatus(approve(head, familyRequest), "approveVerificationRequest", "APPROVED");
        Login tenant = newcomer();
        assertStatus(reject(head, applied(tenant, household, "TENANT", "林租客"), "不认识此人"),
                "rejectVerificationRequest", "REJECTED");

        GraphQlTester.Response mine = api(head.client(), "MyHouseholds").execute();
        mine.path("me.households[0].members[*].id").entityList(String.class)
                .containsExactly(String.valueOf(head.accountId()), String.valueOf(family.accountId()));
        mine.path("me.households[0].members[*].relation").entityList(String.class).containsExactly("HEAD", "FAMILY");

        // a member who is not head manages nobody; the head may not leave others behind
        expectCode(membership(family, "RemoveHouseholdMember",
                Map.of("householdId", household, "accountId", String.valueOf(head.accountId()))), "FORBIDDEN");
        expectCode(membership(family, "HandOverHouseholdHead",
                Map.of("householdId", household, "toAccountId", String.valueOf(family.accountId()))), "FORBIDDEN");
        expectCode(membership(head, "LeaveHousehold", Map.of("householdId", household)), "HEAD_MUST_HAND_OVER");
        expectCode(membership(head, "HandOverHouseholdHead",
                Map.of("householdId", household, "toAccountId", String.valueOf(tenant.accountId()))), "VALIDATION_FAILED");

        // hand over: one transaction, the former head stays as family
        GraphQlTester.Response handedOver = membership(head, "HandOverHouseholdHead",
                Map.of("householdId", household, "toAccountId", String.valueOf(family.accountId())));
        handedOver.errors().verify();
        handedOver.path("handOverHouseholdHead.members[*].id").entityList(String.class)
                .containsExactly(String.valueOf(family.accountId()), String.valueOf(head.accountId()));
        handedOver.path("handOverHouseholdHead.members[*].relation").entityList(String.class)
                .containsExactly("HEAD", "FAMILY");
        assertThat(audits("MEMBERSHIP", household, "HEAD_HANDED_OVER", household)).isEqualTo(1);

        // the former head may now leave; afterwards they can no longer order for this household
        membership(head, "LeaveHousehold", Map.of("householdId", household)).errors().verify();
        assertThat(members(household, head.accountId())).isZero();
        assertThat(audits("MEMBERSHIP", household, "LEFT", household)).isEqualTo(1);
        expectCode(placeOrder(head, household), "FORBIDDEN");
        placeOrder(family, household).errors().verify();
        // the last member, a head alone, may leave: the household is headless again and requests go to staff
        membership(family, "LeaveHousehold", Map.of("householdId", household)).errors().verify();
        assertThat(count("select count(*) from household_member where household_id = " + household)).isZero();
    }

    @Test
    void aPersonBelongsToSeveralHouseholdsAndTheHeadRemovesAMember() {
        Login staff = staff();
        Login person = newcomer();
        String parents = jinchengHousehold(person, "锦江苑 2栋1单元201");
        String own = jinchengHousehold(person, "锦江苑 2栋1单元301");
        assertStatus(approve(staff, applied(person, parents, "FAMILY", "黄子女")), "approveVerificationRequest", "APPROVED");
        assertStatus(approve(staff, applied(person, own, "TENANT", "黄子女")), "approveVerificationRequest", "APPROVED");
        api(person.client(), "MyHouseholds").execute().path("me.households[*].id").entityList(String.class)
                .hasSize(2).contains(parents, own);
        placeOrder(person, parents).errors().verify();
        placeOrder(person, own).errors().verify();

        // staff of another community, a partner, a resident of another household: no say over these members
        Map<String, Object> input = Map.of("householdId", own, "accountId", String.valueOf(person.accountId()));
        for (Login outsider : new Login[] {login("demo-staff-fangcao"), partner(), resident()}) {
            expectCode(membership(outsider, "RemoveHouseholdMember", input), "FORBIDDEN");
            expectCode(membership(outsider, "HandOverHouseholdHead",
                    Map.of("householdId", own, "toAccountId", String.valueOf(person.accountId()))), "FORBIDDEN");
        }
        expectCode(membership(person, "LeaveHousehold", Map.of("householdId", jinchengHousehold(person,
                "锦江苑 2栋2单元102"))), "NOT_FOUND");
        assertThat(members(own, person.accountId())).isEqualTo(1);

        // staff remove the person from one household; the other membership stays
        membership(staff, "RemoveHouseholdMember", input).errors().verify();
        assertThat(notices(person.accountId(), "HOUSEHOLD_MEMBER_REMOVED")).isEqualTo(1);
        expectCode(placeOrder(person, own), "FORBIDDEN");
        placeOrder(person, parents).errors().verify();
        expectCode(membership(staff, "RemoveHouseholdMember", input), "NOT_FOUND");
    }

    private GraphQlTester.Response placeOrder(Login who, String householdId) {
        Map<String, Object> input = new HashMap<>();
        input.put("householdId", householdId);
        input.put("categoryCode", "HOME_REPAIR");
        input.put("description", "卫生间灯不亮，需要检修");
        input.put("urgency", "NORMAL");
        input.put("contactPhone", "13900001111");
        input.put("idempotencyKey", "order-" + UUID.randomUUID());
        return api(who.client(), "PlaceOrder").variable("input", input).execute();
    }
}
