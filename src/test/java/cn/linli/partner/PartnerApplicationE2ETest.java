package cn.linli.partner;

import java.util.List;
import java.util.Map;

import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** 申请成为合伙人: apply, each community decides on its own, withdraw; every refusal; races decided once. */
class PartnerApplicationE2ETest extends PartnerTestBase {

    private GraphQlTester.Response apply(Login who, Map<String, Object> input) {
        return api(who.client(), "ApplyAsPartner").variable("input", input).execute();
    }

    private String applied(Login who, List<String> communityIds) {
        GraphQlTester.Response response = apply(who, applyInput(unique("赵师傅维修"), communityIds, List.of()));
        response.errors().verify();
        return response.path("applyAsPartner.id").entity(String.class).get();
    }

    private GraphQlTester.Response approve(Login who, String applicationId, String communityId, int capacity) {
        return api(who.client(), "ApprovePartnerApplication")
                .variable("input", approveInput(applicationId, communityId, capacity)).execute();
    }

    @Test
    void twoCommunitiesApproveOnePartnerWithTwoContractsAndTheApplicantIsItsAdmin() {
        Login applicant = newcomer("applicant");
        String photo = TestPhotos.uploadedId(http(), applicant.accessToken(), TestPhotos.png());
        String name = unique("赵师傅维修");
        GraphQlTester.Response applied = apply(applicant, applyInput(name, List.of(jincheng(), fangcao()), List.of(photo)));
        applied.errors().verify();
        String id = applied.path("applyAsPartner.id").entity(String.class).get();
        applied.path("applyAsPartner.communities[*].status").entityList(String.class).containsExactly("PENDING", "PENDING");
        applied.path("applyAsPartner.licencePhotoUrls").entityList(String.class).hasSize(1);
        applied.path("applyAsPartner.partner").valueIsNull();

        // each community's staff see it in their list, with contact and licences
        Login staff = staff();
        Login fangcao = fangcaoStaff();
        GraphQlTester.Response listed = api(staff.client(), "PartnerApplications").variable("communityId", jincheng())
                .variable("status", "PENDING").variable("first", 100).execute();
        assertThat(listed.path("partnerApplications.edges[*].node.id").entityList(String.class).get()).contains(id);
        listed.path("partnerApplications.edges[0].node.contactPhone").entity(String.class).isEqualTo("13900001111");
        assertThat(api(fangcao.client(), "PartnerApplications").variable("communityId", fangcao()).variable("first", 100)
                .execute().path("partnerApplications.edges[*].node.id").entityList(String.class).get()).contains(id);

        GraphQlTester.Response first = approve(staff, id, jincheng(), 5);
        first.errors().verify();
        first.path("approvePartnerApplication.communities[*].status").entityList(String.class)
                .containsExactly("APPROVED", "PENDING");
        String partnerId = first.path("approvePartnerApplication.partner.id").entity(String.class).get();
        expectCode(api(applicant.client(), "WithdrawPartnerApplication")
                .variable("input", Map.of("applicationId", id)).execute(), "PARTNER_APPLICATION_DECIDED");

        approve(fangcao, id, fangcao(), 8).path("approvePartnerApplication.partner.id").entity(String.class)
                .isEqualTo(partnerId);
        expectCode(approve(fangcao, id, fangcao(), 8), "PARTNER_APPLICATION_DECIDED");

        GraphQlTester.Response mine = api(applicant.client(), "MyPartner").execute();
        mine.path("myPartner.id").entity(String.class).isEqualTo(partnerId);
        mine.path("myPartner.capacity").entity(Integer.class).isEqualTo(8);
        mine.path("myPartner.contracts").entityList(Object.class).hasSize(2);
        mine.path("myPartner.members[0].role").entity(String.class).isEqualTo("ADMIN");
        assertThat(count("select count(*) from account_role where role = 'PARTNER' and account_id = " + applicant.accountId()))
                .isEqualTo(1);
        api(applicant.client(), "MyPartnerApplications").execute()
                .path("myPartnerApplications.edges[0].node.communities[*].status").entityList(String.class)
                .containsExactly("APPROVED", "APPROVED");

        // audited in each community, and the applicant heard of both approvals
        assertThat(count("select count(*) from audit_event where subject = 'PARTNER_APPLICATION' and subject_id = " + id))
                .isEqualTo(4);
        assertThat(count("select count(*) from audit_event where subject = 'PARTNER' and subject_id = " + partnerId
                + " and action in ('CREATED', 'CONTRACTED', 'JOINED')")).isEqualTo(4);
        assertThat(count("select count(*) from notification where kind = 'PARTNER_APPLICATION_APPROVED' and account_id = "
                + applicant.accountId())).isEqualTo(2);
        assertThat(count("select count(*) from notification where kind = 'PARTNER_APPLIED' and account_id = "
                + staff.accountId())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRejectionCarriesItsReasonAndTheApplicantWithdrawsWhileNothingIsDecided() {
        Login applicant = newcomer("rejected");
        String withdrawn = applied(applicant, List.of(jincheng()));
        expectCode(api(resident().client(), "WithdrawPartnerApplication")
                .variable("input", Map.of("applicationId", withdrawn)).execute(), "FORBIDDEN");
        api(applicant.client(), "WithdrawPartnerApplication").variable("input", Map.of("applicationId", withdrawn))
                .execute().path("withdrawPartnerApplication.communities[0].status").entity(String.class).isEqualTo("WITHDRAWN");
        expectCode(approve(staff(), withdrawn, jincheng(), 3), "PARTNER_APPLICATION_DECIDED");

        String id = applied(applicant, List.of(jincheng()));
        api(staff().client(), "RejectPartnerApplication").variable("input", Map.of("applicationId", id,
                        "communityId", jincheng(), "reason", " ")).execute()
                .errors().expect(e -> "input.reason".equals(e.getExtensions().get("field"))).verify();
        api(staff().client(), "RejectPartnerApplication").variable("input", Map.of("applicationId", id,
                        "communityId", jincheng(), "reason", "资质照片不清晰")).execute()
                .path("rejectPartnerApplication.communities[0].status").entity(String.class).isEqualTo("REJECTED");
        GraphQlTester.Response mine = api(applicant.client(), "MyPartnerApplications").variable("first", 1).execute();
        mine.path("myPartnerApplications.edges[0].node.communities[0].reason").entity(String.class).isEqualTo("资质照片不清晰");
        mine.path("myPartnerApplications.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        assertThat(count("select count(*) from partner_member where account_id = " + applicant.accountId())).isZero();
        assertThat(count("select count(*) from notification where kind = 'PARTNER_APPLICATION_REJECTED' and account_id = "
                + applicant.accountId())).isEqualTo(1);
    }

    @Test
    void onlyTheRequestedCommunitysStaffDecideAndNeverTheApplicant() {
        Login applicant = newcomer("refused");
        String id = applied(applicant, List.of(jincheng()));
        Map<String, Object> approval = approveInput(id, jincheng(), 3);
        expectCode(api(anonymous(), "ApprovePartnerApplication").variable("input", approval).execute(), "UNAUTHENTICATED");
        for (Login refused : List.of(resident(), fangcaoStaff(), partner(), applicant)) {
            expectCode(api(refused.client(), "ApprovePartnerApplication").variable("input", approval).execute(), "FORBIDDEN");
            expectCode(api(refused.client(), "RejectPartnerApplication").variable("input", Map.of("applicationId", id,
                    "communityId", jincheng(), "reason", "不行")).execute(), "FORBIDDEN");
        }
        // 芳草社区 was not asked: its staff cannot decide for it either
        expectCode(approve(fangcaoStaff(), id, fangcao(), 3), "NOT_FOUND");
        expectCode(api(resident().client(), "PartnerApplications").variable("communityId", jincheng()).execute(), "FORBIDDEN");
        expectCode(api(fangcaoStaff().client(), "PartnerApplications").variable("communityId", jincheng()).execute(), "FORBIDDEN");
        expectCode(api(anonymous(), "PartnerApplications").variable("communityId", jincheng()).execute(), "UNAUTHENTICATED");
        assertThat(count("select count(*) from partner_application_community where status <> 'PENDING' and application_id = " + id))
                .isZero();
        api(applicant.client(), "WithdrawPartnerApplication").variable("input", Map.of("applicationId", id)).execute()
                .errors().verify();
    }

    @Test
    void staffWhoApplyCannotApproveThemselves() {
        Login staffApplicant = login("demo-staff-2");
        String id = applied(staffApplicant, List.of(jincheng()));
        expectCode(approve(staffApplicant, id, jincheng(), 3), "FORBIDDEN");
        assertThat(count("select count(*) from partner where name in (select name from partner_application where id = " + id + ")"))
                .isZero();
        api(staffApplicant.client(), "WithdrawPartnerApplication").variable("input", Map.of("applicationId", id)).execute()
                .errors().verify();
    }

    @Test
    void badApplicationsAreRefusedAndChangeNothing() {
        Login applicant = newcomer("bad");
        long before = count("select count(*) from partner_application");
        expectCode(apply(partner(), applyInput("已是合伙人", List.of(jincheng()), List.of())), "ALREADY_PARTNER_MEMBER");
        expectCode(api(anonymous(), "ApplyAsPartner").variable("input", applyInput("匿名", List.of(jincheng()), List.of()))
                .execute(), "UNAUTHENTICATED");
        Map<String, Object> noCommunity = applyInput("无社区", List.of(), List.of());
        Map<String, Object> unknownCommunity = applyInput("社区不存在", List.of("999999"), List.of());
        Map<String, Object> badPhone = applyInput("电话错", List.of(jincheng()), List.of());
        badPhone.put("contactPhone", "call me");
        Map<String, Object> othersPhoto = applyInput("别人的照片", List.of(jincheng()),
                List.of(TestPhotos.uploadedId(http(), resident().accessToken(), TestPhotos.png())));
        for (var entry : List.of(Map.entry("input.communityIds", noCommunity), Map.entry("input.communityIds", unknownCommunity),
                Map.entry("input.contactPhone", badPhone), Map.entry("input.licencePhotoIds", othersPhoto))) {
            apply(applicant, entry.getValue()).errors()
                    .expect(e -> entry.getKey().equals(e.getExtensions().get("field"))).verify();
        }
        assertThat(count("select count(*) from partner_application")).isEqualTo(before);

        String id = applied(applicant, List.of(jincheng()));
        expectCode(apply(applicant, applyInput("再申请", List.of(fangcao()), List.of())), "PARTNER_APPLICATION_PENDING");
        Map<String, Object> past = new java.util.HashMap<>(approveInput(id, jincheng(), 3));
        past.put("validFrom", TODAY.minusYears(2).toString());
        past.put("validTo", TODAY.minusYears(1).toString());
        Map<String, Object> noCapacity = new java.util.HashMap<>(approveInput(id, jincheng(), 0));
        for (var entry : List.of(Map.entry("input.validTo", past), Map.entry("input.capacity", noCapacity))) {
            api(staff().client(), "ApprovePartnerApplication").variable("input", entry.getValue()).execute().errors()
                    .expect(e -> entry.getKey().equals(e.getExtensions().get("field"))).verify();
        }
        assertThat(count("select count(*) from partner_application_community where status = 'PENDING' and application_id = " + id))
                .isEqualTo(1);
    }

    @Test
    void racesAreDecidedOnce() throws Exception {
        // twenty identical applications at once: one application
        Login applicant = newcomer("racer");
        Map<String, Object> input = applyInput(unique("抢着申请"), List.of(jincheng(), fangcao()), List.of());
        List<String> outcomes = concurrently(20, () -> apply(applicant, input));
        assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("PARTNER_APPLICATION_PENDING"::equals).hasSize(19);
        assertThat(count("select count(*) from partner_application where applicant_id = " + applicant.accountId())).isEqualTo(1);
        String id = String.valueOf(idOf("select id from partner_application where applicant_id = " + applicant.accountId()));

        // twenty approvals of 锦城社区's request at once, while 芳草社区 approves too: one partner, two contracts
        Login staff = staff();
        Login fangcao = fangcaoStaff();
        List<String> approvals = concurrently(21, new java.util.concurrent.Callable<>() {
            private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public GraphQlTester.Response call() {
                return n.getAndIncrement() == 0 ? approve(fangcao, id, fangcao(), 4) : approve(staff, id, jincheng(), 4);
            }
        });
        assertThat(approvals).filteredOn("OK"::equals).hasSize(2);
        assertThat(approvals).filteredOn("PARTNER_APPLICATION_DECIDED"::equals).hasSize(19);
        assertThat(count("select count(distinct partner_id) from partner_application where id = " + id)).isEqualTo(1);
        long partnerId = idOf("select partner_id from partner_application where id = " + id);
        assertThat(count("select count(*) from partner where name = (select name from partner_application where id = " + id + ")"))
                .isEqualTo(1);
        assertThat(count("select count(*) from partner_contract where partner_id = " + partnerId)).isEqualTo(2);
        assertThat(count("select count(*) from partner_member where partner_id = " + partnerId)).isEqualTo(1);
    }

    @Test
    void aPageOfApplicationsCostsTheSameStatementsWhateverItsSize() {
        for (int i = 0; i < 5; i++) {
            applied(newcomer("page"), List.of(fangcao()));
        }
        Login fangcao = fangcaoStaff();
        int one = statementsForPage(fangcao, 1);
        int five = statementsForPage(fangcao, 5);
        assertThat(five).isEqualTo(one);
        // staff scope, page, communities, categories, contract community names, partners
        assertThat(five).isLessThanOrEqualTo(8);
    }

    private int statementsForPage(Login staff, int size) {
        sql.reset();
        GraphQlTester.Response page = api(staff.client(), "PartnerApplications").variable("communityId", fangcao())
                .variable("status", "PENDING").variable("first", size).execute();
        page.errors().verify();
        int statements = sql.count();
        page.path("partnerApplications.edges[*].node.communities[*].community.name").entityList(String.class).hasSize(size);
        return statements;
    }

    @Test
    void aRetiredCommunityTakesNoApplications() {
        Login admin = admin();
        String street = String.valueOf(idOf("select id from street where name = '玉林街道'"));
        String community = api(admin.client(), "CreateCommunity").variable("input", Map.of("streetId", street,
                "name", unique("旧城社区"))).execute().path("createCommunity.id").entity(String.class).get();
        api(admin.client(), "RetirePlace").variable("input", Map.of("kind", "COMMUNITY", "id", community)).execute()
                .errors().verify();

        Login applicant = login(unique("retired-applicant"));
        apply(applicant, applyInput(unique("赵师傅维修"), List.of(community), List.of())).errors()
                .expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                        && "input.communityIds".equals(e.getExtensions().get("field"))).verify();
        assertThat(count("select count(*) from partner_application where applicant_id = " + applicant.accountId()))
                .isZero();
    }
}
