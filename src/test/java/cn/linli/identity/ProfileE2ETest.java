package cn.linli.identity;

import java.util.Map;

import cn.linli.support.IntegrationTest;
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
        assertThat(count("select count(*) from account where id = " + login.accountId() + " and phone = '13912345678'"))
                .isEqualTo(1);
    }

    @Test
    void refusedPhoneCodeChangesNothing() {
        Login login = login("phone-refused");
        api(login.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13700000000")).execute()
                .errors().verify();

        api(login.client(), "BindPhoneNumber").variable("input", Map.of("code", "invalid-code")).execute()
                .errors().expect(error -> "WECHAT_PHONE_FAILED".equals(error.getExtensions().get("code"))).verify();

        assertThat(count("select count(*) from account where id = " + login.accountId() + " and phone = '13700000000'"))
                .isEqualTo(1);
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
        expectInvalid(login, Map.of("avatarUrl", "http://insecure.example/a.png"), "input.avatarUrl");
        expectInvalid(login, Map.of("avatarUrl", "https://x.example/" + "a".repeat(600)), "input.avatarUrl");
        expectInvalid(login, Map.of(), "input");

        assertThat(count("select count(*) from account where id = " + login.accountId()
                + " and nickname = '社区跑腿小王' and avatar_url is null")).isEqualTo(1);
    }

    private static void expectInvalid(Login login, Map<String, Object> input, String field) {
        api(login.client(), "UpdateMyProfile").variable("input", input).execute()
                .errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                        && field.equals(error.getExtensions().get("field")))
                .verify();
    }
}
