package cn.linli.partner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Onboarding partners under contract, members, offerings and the online switch, with their rules. */
class PartnerE2ETest extends PartnerTestBase {

    private Map<String, Object> onboardInput(String name, String adminAccountId) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", String.valueOf(jincheng()));
        input.put("name", name);
        input.put("kind", "MERCHANT");
        input.put("description", "社区便民维修");
        input.put("contactPhone", "028-85551234");
        input.put("categoryCodes", List.of("HOME_REPAIR", "CLEANING"));
        input.put("capacity", 4);
        input.put("validFrom", "2026-01-01");
        input.put("validTo", "2027-12-31");
        if (adminAccountId != null) {
            input.put("adminAccountId", adminAccountId);
        }
        return input;
    }

    @Test
    void staffOnboardAPartnerWhoseAdminThenManagesMembersAndOfferings() {
        Login staff = staff();
        String adminCode = "new-admin-" + UUID.randomUUID().toString().substring(0, 8);
        Login admin = login(adminCode);
        String name = "社区便民店" + UUID.randomUUID().toString().substring(0, 4);

        GraphQlTester.Response onboarded = api(staff.client(), "OnboardPartner")
                .variable("input", onboardInput(name, String.valueOf(admin.accountId()))).execute();
        onboarded.errors().verify();
        String partnerId = onboarded.path("onboardPartner.id").entity(String.class).get();
        assertThat(onboarded.path("onboardPartner.categories[*].code").entityList(String.class).get())
                .containsExactlyInAnyOrder("HOME_REPAIR", "CLEANING");
        onboarded.path("onboardPartner.contracts[0].community.name").entity(String.class).isEqualTo("锦城社区");
        onboarded.path("onboardPartner.contracts[0].validTo").entity(String.class).isEqualTo("2027-12-31");
        // the named admin is only invited (issue 16): a member, with the PARTNER role, once they accept
        onboarded.path("onboardPartner.members").entityList(Object.class).hasSize(0);
        assertThat(count("select count(*) from account_role where role = 'PARTNER' and account_id = " + admin.accountId()))
                .isZero();
        api(admin.client(), "AcceptPartnerInvitation").variable("input", Map.of("invitationId", invitationTo(admin, partnerId)))
                .execute().path("acceptPartnerInvitation.members[0].role").entity(String.class).isEqualTo("ADMIN");
        assertThat(count("select count(*) from account_role where role = 'PARTNER' and account_id = " + admin.accountId()))
                .isEqualTo(1);

        // the admin invites a member, who accepts; then an offering, withdrawn again
        Login member = login("new-member-" + UUID.randomUUID().toString().substring(0, 8));
        api(admin.client(), "AddPartnerMember").variable("input", Map.of("partnerId", partnerId,
                        "accountId", String.valueOf(member.accountId()), "role", "MEMBER")).execute()
                .path("addPartnerMember.members[*].role").entityList(String.class).containsExactly("ADMIN");
        api(member.client(), "AcceptPartnerInvitation").variable("input", Map.of("invitationId", invitationTo(member, partnerId)))
                .execute().path("acceptPartnerInvitation.members[*].role").entityList(String.class).containsExactly("ADMIN", "MEMBER");
        GraphQlTester.Response offering = api(admin.client(), "CreateOffering").variable("input", Map.of(
                "categoryCode", "CLEANING", "title", "玻璃清洗", "priceKind", "POINTS", "pricePoints", 30,
                "estimatedMinutes", 60)).execute();
        offering.errors().verify();
        String offeringId = offering.path("createOffering.id").entity(String.class).get();
        api(staff.client(), "Offerings").variable("communityId", jincheng()).variable("categoryCode", "CLEANING")
                .variable("first", 100).execute()
                .path("offerings.edges[*].node.id").entityList(String.class).contains(offeringId);
        api(admin.client(), "UpdateOffering").variable("input", Map.of("offeringId", offeringId, "active", false))
                .execute().path("updateOffering.active").entity(Boolean.class).isEqualTo(false);
        api(staff.client(), "Offerings").variable("communityId", jincheng()).variable("categoryCode", "CLEANING")
                .variable("first", 100).execute()
                .path("offerings.edges[*].node.id").entityList(String.class).doesNotContain(offeringId);

        // a plain member cannot manage; the member goes offline for the whole partner
        expectCode(api(member.client(), "CreateOffering").variable("input", Map.of("categoryCode", "CLEANING",
                "title", "擅自添加", "priceKind", "FREE", "estimatedMinutes", 30)).execute(), "FORBIDDEN");
        api(member.client(), "SetPartnerOnline").variable("input", Map.of("online", false)).execute()
                .path("setPartnerOnline.online").entity(Boolean.class).isEqualTo(false);
        api(member.client(), "MyPartner").execute().path("myPartner.name").entity(String.class).isEqualTo(name);
    }

    @Test
    void onboardingRulesAndValidation() {
        Login staff = staff();
        expectCode(api(resident().client(), "OnboardPartner")
                .variable("input", onboardInput("居民自建", null)).execute(), "FORBIDDEN");
        expectCode(api(login("demo-staff-fangcao").client(), "OnboardPartner")
                .variable("input", onboardInput("跨社区", null)).execute(), "FORBIDDEN");

        Map<String, Object> badDates = onboardInput("日期反了", null);
        badDates.put("validTo", "2025-01-01");
        Map<String, Object> badCategory = onboardInput("类别不存在", null);
        badCategory.put("categoryCodes", List.of("NO_SUCH"));
        Map<String, Object> badCapacity = onboardInput("容量为零", null);
        badCapacity.put("capacity", 0);
        Map<String, Object> blankName = onboardInput("   ", null);
        Map<String, Object> past = onboardInput("合同已过期", null);
        past.put("validFrom", "2025-01-01");
        past.put("validTo", "2025-12-31");
        long before = count("select count(*) from partner");
        for (var entry : List.of(Map.entry("input.validTo", badDates), Map.entry("input.categoryCodes", badCategory),
                Map.entry("input.capacity", badCapacity), Map.entry("input.name", blankName),
                Map.entry("input.validTo", past))) {
            api(staff.client(), "OnboardPartner").variable("input", entry.getValue()).execute()
                    .errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                            && entry.getKey().equals(e.getExtensions().get("field"))).verify();
        }
        assertThat(count("select count(*) from partner")).isEqualTo(before);

        // an account already serving elsewhere is only invited; ALREADY_PARTNER_MEMBER comes when it accepts
        Login demoPartner = partner();
        String partnerId = api(staff.client(), "OnboardPartner")
                .variable("input", onboardInput("抢人", String.valueOf(demoPartner.accountId()))).execute()
                .path("onboardPartner.id").entity(String.class).get();
        expectCode(api(demoPartner.client(), "AcceptPartnerInvitation")
                .variable("input", Map.of("invitationId", invitationTo(demoPartner, partnerId))).execute(),
                "ALREADY_PARTNER_MEMBER");
        assertThat(count("select count(*) from partner_member where account_id = " + demoPartner.accountId()
                + " and partner_id = " + partnerId)).isZero();
    }

    @Test
    void offeringPricesMustMatchTheirKindAndCategory() {
        Login admin = partner();
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("categoryCode", "HOME_REPAIR", "title", "缺积分", "priceKind", "POINTS", "estimatedMinutes", 30),
                Map.<String, Object>of("categoryCode", "HOME_REPAIR", "title", "免费还标价", "priceKind", "FREE", "priceFen", 100,
                        "estimatedMinutes", 30),
                Map.<String, Object>of("categoryCode", "HAIRCUT", "title", "不在服务类别", "priceKind", "FREE", "estimatedMinutes", 30),
                Map.<String, Object>of("categoryCode", "HOME_REPAIR", "title", "太久", "priceKind", "FREE", "estimatedMinutes", 5000))) {
            api(admin.client(), "CreateOffering").variable("input", bad).execute()
                    .errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))).verify();
        }
        long otherOffering = idOf("select id from offering where title = '家电检修'");
        expectCode(api(admin.client(), "UpdateOffering").variable("input", Map.of("offeringId", String.valueOf(otherOffering),
                "active", false)).execute(), "FORBIDDEN");
        assertThat(count("select count(*) from offering where active and id = " + otherOffering)).isEqualTo(1);
    }

    @Test
    void membersOfAPartnerAreVisibleToItselfAndToStaffOnly() {
        long wang = idOf("select id from partner where name = '王师傅水电维修'");
        api(resident().client(), "Partner").variable("id", wang).execute()
                .path("partner.members").valueIsNull();
        api(staff().client(), "Partner").variable("id", wang).execute()
                .path("partner.members[*].nickname").entityList(String.class).contains("演示合伙人王师傅");
        GraphQlTester.Response own = api(partner().client(), "Partner").variable("id", wang).execute();
        own.path("partner.members").entityList(Object.class).hasSize(2);
        own.path("partner.offerings[0].title").entity(String.class).isEqualTo("上门维修水管");
    }
}
