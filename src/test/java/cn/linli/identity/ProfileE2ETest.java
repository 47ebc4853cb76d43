package cn.linli.identity;

import java.util.Map;

import cn.linli.support.IntegrationTest;
import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Phone binding through WxJava's getPhoneNumber against the sandbox, and profile edits. */
class ProfileE2ETest extends IntegrationTest {

    @Test
    void bindPhoneNumberFetchesATokenThenTheNumberAndShowsItMasked() {
        Login login = login("phone-binder");
        int phoneCalls = weChat().callCount("/wxa/business/getuserphonenumber");

        GraphQlTester.Response response = api(login.client(), "BindPhoneNumber")
                .variable("input", Map.of("code", "phone-13912345678")).execute();

        response.errors().verify();
        response.path("bindPhoneNumber.phoneMasked").entity(String.class).isEqualTo("139****5678");
        assertThat(weChat().callCount("/wxa/business/getuserphonenumber")).isEqualTo(phoneCalls + 1);
        assertThat(weChat().callCount("/cgi-bin/token")).as("WxJava fetched an access token first").isPositive();
        // stored sealed, found by its keyed hash
        assertThat(count("select count(*) from account where id = " + login.accountId() + " and phone like 'enc:%'"
                + " and phone_hash = '" + cipher.phoneHash("13912345678") + "'")).isEqualTo(1);
    }

    @Test
    void refusedPhoneCodeChangesNothing() {
        Login login = login("phone-refused");
        api(login.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13700000000")).execute()
                .errors().verify();

        api(login.client(), "BindPhoneNumber").variable("input", Map.of("code", "invalid-code")).execute()
                .errors().expect(error -> "WECHAT_PHONE_FAILED".equals(error.getExtensions().get("code"))).verify();

        assertThat(count("select count(*) from account where id = " + login.accountId()
                + " and phone_hash = '" + cipher.phoneHash("13700000000") + "'")).isEqualTo(1);
    }

    @Test
    void bindingNeedsALogin() {
        int phoneCalls = weChat().callCount("/wxa/business/getuserphonenumber");
        api(anonymous(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13700000001")).execute()
                .errors().expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
        assertThat(weChat().callCount("/wxa/business/getuserphonenumber")).isEqualTo(phoneCalls);
    }

    @Test
    void updateMyProfileValidatesEachField() {
        Login login = login("profile-editor");
        api(login.client(), "UpdateMyProfile").variable("input", Map.of("nickname", "  社区跑腿小王  ")).execute()
                .path("updateMyProfile.nickname").entity(String.class).isEqualTo("社区跑腿小王");

        expectInvalid(login, Map.of("nickname", "名".repeat(33)), "input.nickname");
        expectInvalid(login, Map.of("nickname", "   "), "input.nickname");
        // only zero-width characters is blank; a right-to-left override would show the name reversed to others
        expectInvalid(login, Map.of("nickname", "\u200B\u200C\u200D\uFEFF"), "input.nickname");
        expectInvalid(login, Map.of("nickname", "小王\u202E嘿嘿"), "input.nickname");
        expectInvalid(login, Map.of("avatarPhotoId", "https://x.example/a.png"), "input.avatarPhotoId");
        expectInvalid(login, Map.of(), "input");
        // someone else's photo, or one that does not exist: refused, and the nickname in the same change is not saved
        String theirs = TestPhotos.uploadedId(http(), resident().accessToken(), TestPhotos.png());
        for (String photo : java.util.List.of(theirs, "999999999")) {
            api(login.client(), "UpdateMyProfile").variable("input", Map.of("nickname", "改不了", "avatarPhotoId", photo))
                    .execute().errors().expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))
                            && "input.avatarPhotoId".equals(error.getExtensions().get("field"))).verify();
        }

        assertThat(count("select count(*) from account where id = " + login.accountId()
                + " and nickname = '社区跑腿小王' and avatar_photo_id is null")).isEqualTo(1);
        assertThat(count("select count(*) from photo where attached_at is not null and id = " + theirs)).isZero();
    }

    @Test
    void anAvatarIsAnUploadedPhotoShownThroughASignedLink() {
        Login login = login("avatar-" + java.util.UUID.randomUUID());
        byte[] avatar = TestPhotos.image("jpg");
        String photo = TestPhotos.uploadedId(http(), login.accessToken(), avatar);
        String url = api(login.client(), "UpdateMyProfile").variable("input", Map.of("avatarPhotoId", photo)).execute()
                .path("updateMyProfile.avatarUrl").entity(String.class).get();
        assertThat(TestPhotos.showsSamePicture(fetch(url), avatar)).isTrue();
        assertThat(count("select count(*) from photo where attached_at is not null and id = " + photo)).isEqualTo(1);
    }

    private static void expectInvalid(Login login, Map<String, Object> input, String field) {
        api(login.client(), "UpdateMyProfile").variable("input", input).execute()
                .errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                        && field.equals(error.getExtensions().get("field")))
                .verify();
    }
}
