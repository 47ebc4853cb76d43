package cn.linli.need;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may not: each refusal has its code, and changes nothing. */
class NeedAccessE2ETest extends NeedTestBase {

    @Test
    void outsidersCannotSubmitSeeOrTriage() {
        Login resident = resident();
        Login staff = staff();
        String id = submitted(resident, residentHousehold(), "单元门禁刷卡失灵");
        long needsBefore = count("select count(*) from need");

        // anonymous
        expectCode(api(anonymous(), "SubmitNeed").variable("input", needInput(residentHousehold(), "匿名")).execute(),
                "UNAUTHENTICATED");
        expectCode(api(anonymous(), "Need").variable("id", id).execute(), "UNAUTHENTICATED");
        // a person who is not a verified member of the household
        Login stranger = login("need-stranger-" + java.util.UUID.randomUUID());
        expectCode(submit(stranger, needInput(residentHousehold(), "冒名提交")), "FORBIDDEN");
        expectCode(need(stranger, id), "FORBIDDEN");
        expectCode(mutate(stranger, "SupportNeed", input("needId", id)), "FORBIDDEN");
        // a verified resident of another community
        Login elsewhere = verifiedMemberOf(household("芳草小区", "2栋", "2单元", "102"), fangcaoStaff());
        expectCode(submit(elsewhere, needInput(residentHousehold(), "跨社区提交")), "FORBIDDEN");
        expectCode(need(elsewhere, id), "FORBIDDEN");
        expectCode(mutate(elsewhere, "SupportNeed", input("needId", id)), "FORBIDDEN");
        // staff of another community, and a partner
        expectCode(triage(fangcaoStaff(), id, "URGENT", "URGENT"), "FORBIDDEN");
        expectCode(need(fangcaoStaff(), id), "FORBIDDEN");
        expectCode(api(fangcaoStaff().client(), "CommunityNeeds").variable("communityId", String.valueOf(jincheng()))
                .execute(), "FORBIDDEN");
        expectCode(mutate(fangcaoStaff(), "RecordCollectedNeed", needInput(residentHousehold(), "代录")), "FORBIDDEN");
        expectCode(triage(partner(), id, "URGENT", "URGENT"), "FORBIDDEN");
        expectCode(mutate(resident, "ResolveNeed", input("needId", id, "note", "自己解决")), "FORBIDDEN");
        expectCode(triage(resident, id, "URGENT", "URGENT"), "FORBIDDEN");
        // no such need
        expectCode(need(resident, "999999999"), "NOT_FOUND");
        expectCode(triage(staff, "999999999", "URGENT", "URGENT"), "NOT_FOUND");

        assertThat(count("select count(*) from need")).isEqualTo(needsBefore);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(count("select count(*) from need_event where need_id = " + id)).isEqualTo(1);
        // the household's members and staff do see it
        need(family(), id).errors().verify();
        need(staff, id).errors().verify();
    }

    @Test
    void inputsAreValidatedAndKeysCannotBeReusedForAnotherNeed() {
        Login resident = resident();
        expectField(submit(resident, needInput(residentHousehold(), "   ")), "input.description");
        expectField(submit(resident, needInput(residentHousehold(), "长".repeat(1001))), "input.description");
        Map<String, Object> otherEstate = needInput(residentHousehold(), "路面坑洼");
        otherEstate.put("estateId", String.valueOf(estate("芳草小区")));
        expectField(submit(resident, otherEstate), "input.estateId");
        expectField(triage(staff(), submitted(resident, residentHousehold(), "分类测试"), "NOPE", "NORMAL"), null);

        Map<String, Object> first = needInput(residentHousehold(), "希望开设老年食堂");
        String id = submit(resident, first).path("submitNeed.id").entity(String.class).get();
        submit(resident, first).path("submitNeed.id").entity(String.class).isEqualTo(id);
        Map<String, Object> changed = Map.of("householdId", first.get("householdId"), "description", "别的需求",
                "idempotencyKey", first.get("idempotencyKey"));
        expectCode(submit(resident, changed), "IDEMPOTENCY_KEY_REUSED");
        assertThat(count("select count(*) from need where description = '希望开设老年食堂'")).isEqualTo(1);
    }

    private static void expectField(GraphQlTester.Response response, String field) {
        response.errors().expect(error -> field == null
                || ("VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                && field.equals(error.getExtensions().get("field")))).verify();
    }
}
