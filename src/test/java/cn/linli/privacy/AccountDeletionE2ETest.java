package cn.linli.privacy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** 注销: refused while others rely on something, cancellable without a trace, and done once after the cooling-off period. */
class AccountDeletionE2ETest extends PrivacyTestBase {

    private GraphQlTester.Response requestDeletion(Login who) {
        return mutate(who, "RequestAccountDeletion", Map.of("confirm", true));
    }

    @Test
    void refusedWithOpenOrdersUnsettledPledgesPointsOrAsHeadOfOthers() {
        Login staff = staffOnce();
        Login head = person("del-blocked", "13700003333");
        long household = newHousehold();
        verified(head, household, "HEAD", "王注销");
        Login member = person("del-member", "13700003334");
        verified(member, household, "FAMILY", "王家属");
        placeOrder(head, household, "13700003333");
        grant(staff, head.accountId(), 10).errors().verify();
        pledgeChairs(head, openCampaign(staff));

        GraphQlTester.Response refused = requestDeletion(head);
        refused.errors().expect(error -> "ACCOUNT_DELETION_BLOCKED".equals(error.getExtensions().get("code"))
                && List.of("OPEN_ORDERS", "UNSETTLED_PLEDGES", "POINTS", "HEAD_OF_HOUSEHOLD")
                .equals(error.getExtensions().get("reasons"))
                && error.getMessage().contains("捐赠到社区积分池")).verify();
        expectCode(mutate(head, "RequestAccountDeletion", Map.of("confirm", false)), "VALIDATION_FAILED");
        assertThat(count("select count(*) from account_deletion where account_id = " + head.accountId())).isZero();
        assertThat(count("select count(*) from timer where kind = 'ACCOUNT_DELETION' and subject_id in "
                + "(select id from account_deletion where account_id = " + head.accountId() + ")")).isZero();
        expectCode(mutate(head, "CancelAccountDeletion", Map.of("deletionId", "999999")), "NOT_FOUND");
    }

    @Test
    void aCancelledDeletionChangesNothing() {
        Login person = person("del-cancel", "13700004444");
        verified(person, newHousehold(), "HEAD", "李取消");
        String before = snapshot(person.accountId());

        GraphQlTester.Response requested = requestDeletion(person);
        requested.errors().verify();
        String id = requested.path("requestAccountDeletion.id").entity(String.class).get();
        requested.path("requestAccountDeletion.status").entity(String.class).isEqualTo("PENDING");
        assertThat(count("select count(*) from account_deletion where id = " + id
                + " and due_at between now() + interval '6 days 23 hours' and now() + interval '7 days 1 hour'")).isEqualTo(1);
        // asking again is the same request
        requestDeletion(person).path("requestAccountDeletion.id").entity(String.class).isEqualTo(id);
        // nobody else can cancel it
        expectCode(mutate(resident(), "CancelAccountDeletion", Map.of("deletionId", id)), "NOT_FOUND");

        mutate(person, "CancelAccountDeletion", Map.of("deletionId", id))
                .path("cancelAccountDeletion.status").entity(String.class).isEqualTo("CANCELLED");
        expectCode(mutate(person, "CancelAccountDeletion", Map.of("deletionId", id)), "ACCOUNT_DELETION_INVALID_TRANSITION");
        dueNow(AccountDeletions.TIMER, Long.parseLong(id));
        timers.runDue().block();

        assertThat(snapshot(person.accountId())).isEqualTo(before);
        api(person.client(), "MyAccountDeletion").execute().path("myAccountDeletion.status").entity(String.class)
                .isEqualTo("CANCELLED");
        api(person.client(), "Me").execute().errors().verify();
    }

    @Test
    void afterTheCoolingOffPeriodThePersonIsErasedAndTheBooksStillBalance() {
        Login staff = staffOnce();
        String code = "del-done-" + UUID.randomUUID().toString().substring(0, 8);
        Login person = personWithCode(code, "13700005555");
        mutate(person, "UpdateMyProfile", Map.of("nickname", "赵大爷",
                "avatarPhotoId", TestPhotos.uploadedId(http(), person.accessToken(), TestPhotos.png()))).errors().verify();
        long household = newHousehold();
        verified(person, household, "HEAD", "赵注销");
        String orderId = placeOrder(person, household, "13700005555");
        serveAndRate(person, orderId);
        grant(staff, person.accountId(), 15).errors().verify();
        donate(person, 15).errors().verify();
        String campaign = openCampaign(staff);
        String pledge = pledgeChairs(person, campaign);
        mutate(staff, "MarkItemsReceived", Map.of("pledgeId", pledge)).errors().verify();

        long orders = count("select count(*) from service_order where resident_id = " + person.accountId());
        long ratings = count("select count(*) from service_order where rating_quality is not null and resident_id = "
                + person.accountId());
        String totals = campaignTotals(campaign);
        long erasedBefore = count("select count(*) from audit_event where subject = 'ACCOUNT' and action = 'ERASED'");

        assertThat(count("select count(*) from account where phone_hash = '" + cipher.phoneHash("13700005555") + "'"))
                .as("the bound phone is found by its hash before the deletion").isEqualTo(1);
        String id = requestDeletion(person).path("requestAccountDeletion.id").entity(String.class).get();
        dueNow(AccountDeletions.TIMER, Long.parseLong(id));
        timers.runDue().block();

        long a = person.accountId();
        assertThat(text("select nickname from account where id = " + a)).isEqualTo("已注销用户");
        assertThat(count("select count(*) from account where id = " + a + " and phone is null and unionid is null"
                + " and avatar_photo_id is null and openid = 'erased-' || id and erased_at is not null")).isEqualTo(1);
        // phones and names are stored sealed: neither the sealed value nor the phone's lookup hash is left
        assertThat(count("select count(*) from account where phone_hash = '" + cipher.phoneHash("13700005555") + "'"))
                .isZero();
        assertThat(count("select count(*) from verification_request where applicant_id = " + a
                + " and real_name like 'enc:%'")).isZero();
        assertThat(count("select count(*) from verification_request where applicant_id = " + a
                + " and (real_name <> '已注销用户' or proof_photo_id is not null)")).isZero();
        assertThat(count("select count(*) from household_member where account_id = " + a)).isZero();
        assertThat(count("select count(*) from photo where owner_account_id = " + a)).isZero();
        assertThat(count("select count(*) from notification where account_id = " + a)).isZero();
        assertThat(count("select count(*) from auth_session where account_id = " + a + " and ended_at is null")).isZero();
        assertThat(count("select count(*) from service_order where resident_id = " + a
                + " and contact_phone <> '" + ErasureRepository.ERASED_PHONE + "'")).isZero();
        assertThat(count("select count(*) from pledge where account_id = " + a + " and contributor_name is not null")).isZero();
        assertThat(text("select status from account_deletion where id = " + id)).isEqualTo("PERFORMED");

        // what others rely on: orders and ratings still count, the campaign's totals and the points books are unchanged
        assertThat(count("select count(*) from service_order where resident_id = " + a)).isEqualTo(orders);
        assertThat(count("select count(*) from service_order where rating_quality is not null and resident_id = " + a))
                .isEqualTo(ratings);
        assertThat(campaignTotals(campaign)).isEqualTo(totals);
        expectBalanced(staff);

        // the old tokens are refused; the same WeChat user starts afresh
        expectRejectedAtTheDoor(person.accessToken());
        expectCode(api(anonymous(), "RefreshSession").variable("input", Map.of("refreshToken", person.refreshToken()))
                .execute(), "UNAUTHENTICATED");
        assertThat(loginWithoutConsent(code).accountId()).isNotEqualTo(a);

        // exactly once: nothing is left to fire, and a second run changes nothing
        assertThat(count("select count(*) from timer where kind = 'ACCOUNT_DELETION' and subject_id = " + id)).isZero();
        timers.runDue().block();
        assertThat(count("select count(*) from audit_event where subject = 'ACCOUNT' and action = 'ERASED'"))
                .isEqualTo(erasedBefore + 1);
    }

    private String campaignTotals(String campaign) {
        return text("select coalesce(sum(quantity), 0) || '/' || coalesce(sum(amount_fen), 0) || '/' || count(*)"
                + " from pledge where campaign_id = " + campaign);
    }

    private String snapshot(long accountId) {
        return text("select row_to_json(a)::text from account a where id = " + accountId)
                + count("select count(*) from household_member where account_id = " + accountId)
                + count("select count(*) from auth_session where ended_at is null and account_id = " + accountId)
                + count("select count(*) from photo where owner_account_id = " + accountId)
                + text("select string_agg(real_name, ',') from verification_request where applicant_id = " + accountId);
    }
}
