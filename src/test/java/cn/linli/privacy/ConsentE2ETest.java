package cn.linli.privacy;

import java.time.Duration;
import java.util.Map;

import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing beyond login is collected before the current policy is accepted; acceptance is recorded; a new version asks again. */
class ConsentE2ETest extends PrivacyTestBase {

    @Test
    void collectingNeedsTheCurrentPolicyAcceptedAndANewVersionAsksAgain() {
        // anyone can read the policy, before logging in
        GraphQlTester.Response policy = api(anonymous(), "PrivacyPolicy").execute();
        policy.errors().verify();
        int v1 = policy.path("privacyPolicy.version").entity(Integer.class).get();
        policy.path("privacyPolicy.title").entity(String.class).isEqualTo("邻里小程序隐私保护指引");
        assertThat(policy.path("privacyPolicy.body").entity(String.class).get()).contains("手机号码");
        policy.path("privacyPolicy.accepted").entity(Boolean.class).isEqualTo(false);

        Login newcomer = firstLogin("privacy-consent");
        api(newcomer.client(), "PrivacyPolicy").execute().path("privacyPolicy.accepted").entity(Boolean.class).isEqualTo(false);
        expectRefused(api(newcomer.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13700001111")).execute());
        expectRefused(api(newcomer.client(), "RequestHouseholdVerification").variable("input", Map.of(
                "householdId", String.valueOf(newHousehold()), "relation", "HEAD", "realName", "未同意")).execute());
        expectRefused(api(newcomer.client(), "ApplyAsPartner").variable("input", Map.of("kind", "CRAFTSMAN",
                "name", "未同意工作室", "contactName", "未同意", "contactPhone", "13700001111",
                "categoryCodes", java.util.List.of("HOME_REPAIR"), "communityIds", java.util.List.of(String.valueOf(jincheng()))))
                .execute());
        TestPhotos.upload(http(), newcomer.accessToken(), TestPhotos.png()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PRIVACY_CONSENT_REQUIRED");
        assertThat(count("select count(*) from account where phone is not null and id = " + newcomer.accountId())).isZero();
        assertThat(count("select count(*) from photo where owner_account_id = " + newcomer.accountId())).isZero();

        // accepting is recorded once, however often it is sent
        GraphQlTester.Response accepted = accept(newcomer, v1);
        accepted.errors().verify();
        String at = accepted.path("acceptPrivacyPolicy.acceptedAt").entity(String.class).get();
        accept(newcomer, v1).path("acceptPrivacyPolicy.acceptedAt").entity(String.class).isEqualTo(at);
        assertThat(count("select count(*) from privacy_consent where account_id = " + newcomer.accountId())).isEqualTo(1);
        api(newcomer.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13700001111")).execute()
                .errors().verify();
        TestPhotos.upload(http(), newcomer.accessToken(), TestPhotos.png()).expectStatus().isCreated();

        // a new version: asked again; the old one can no longer be accepted
        int v2 = v1 + 1;
        try {
            db.sql("insert into privacy_policy (version, title, body) values (:v, '邻里小程序隐私保护指引', '第二版')")
                    .bind("v", v2).then().block(Duration.ofSeconds(10));
            api(newcomer.client(), "PrivacyPolicy").execute().path("privacyPolicy.accepted").entity(Boolean.class)
                    .isEqualTo(false);
            expectRefused(api(newcomer.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13700002222"))
                    .execute());
            expectCode(accept(newcomer, v1), "PRIVACY_POLICY_OUTDATED");
            accept(newcomer, v2).path("acceptPrivacyPolicy.version").entity(Integer.class).isEqualTo(v2);
            api(newcomer.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13700002222")).execute()
                    .errors().verify();
            assertThat(cipher.open(text("select phone from account where id = " + newcomer.accountId())))
                    .isEqualTo("13700002222");
        } finally {
            // the other test classes share this database and expect version 1 to be current
            db.sql("delete from privacy_consent where policy_version = :v").bind("v", v2).then()
                    .then(db.sql("delete from privacy_policy where version = :v").bind("v", v2).then())
                    .block(Duration.ofSeconds(10));
        }
    }

    @Test
    void anonymousAndUnknownVersionsAreRefused() {
        expectCode(api(anonymous(), "AcceptPrivacyPolicy").variable("input", Map.of("version", 1)).execute(), "UNAUTHENTICATED");
        Login newcomer = firstLogin("privacy-version");
        expectCode(accept(newcomer, 999), "PRIVACY_POLICY_OUTDATED");
        expectCode(accept(newcomer, 0), "VALIDATION_FAILED");
        assertThat(count("select count(*) from privacy_consent where account_id = " + newcomer.accountId())).isZero();
    }

    private static void expectRefused(GraphQlTester.Response response) {
        response.errors().expect(error -> "PRIVACY_CONSENT_REQUIRED".equals(error.getExtensions().get("code"))
                && error.getMessage().contains("隐私保护指引")).verify();
    }
}
