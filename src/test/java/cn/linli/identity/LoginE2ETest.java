package cn.linli.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.linli.devservices.WeChatSandbox;
import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** WeChat login through the real WxJava client and the sandbox, with the api/ documents. */
class LoginE2ETest extends IntegrationTest {

    @Test
    void demoResidentLogsInAndSeesTheirHousehold() {
        int sessionCalls = weChat().callCount("/sns/jscode2session");
        Login resident = resident();

        assertThat(weChat().callCount("/sns/jscode2session")).isEqualTo(sessionCalls + 1);
        GraphQlTester.Response me = api(resident.client(), "Me").execute();
        me.errors().verify();
        me.path("me.nickname").entity(String.class).isEqualTo("演示居民张阿姨");
        me.path("me.roles").entityList(String.class).containsExactly("RESIDENT");
        me.path("me.phoneMasked").entity(String.class).isEqualTo("138****0001");
        me.path("me.households[0].label").entity(String.class).isEqualTo("锦江苑 1栋1单元101");
        me.path("me.households[0].community.name").entity(String.class).isEqualTo("锦城社区");
        me.path("me.staffCommunity").valueIsNull();
        assertThat(resident.accountId()).isEqualTo(idOf("select id from account where openid = 'o-sandbox-demo-resident'"));
    }

    @Test
    void demoStaffLogsInWithTheirCommunity() {
        Login staff = staff();
        GraphQlTester.Response me = api(staff.client(), "Me").execute();
        me.path("me.roles").entityList(String.class).containsExactly("STAFF");
        me.path("me.staffCommunity.name").entity(String.class).isEqualTo("锦城社区");
        me.path("me.households").entityList(Object.class).hasSize(0);
    }

    @Test
    void demoPartnerAndAdminLogIn() {
        api(partner().client(), "Me").execute()
                .path("me.nickname").entity(String.class).isEqualTo("演示合伙人王师傅");
        api(admin().client(), "Me").execute()
                .path("me.roles").entityList(String.class).containsExactly("ADMIN");
    }

    @Test
    void firstLoginCreatesAResidentAccountAndLaterLoginsFindIt() {
        String code = "newcomer-" + UUID.randomUUID();
        Login first = login(code);
        Login second = login(code);

        assertThat(second.accountId()).isEqualTo(first.accountId());
        assertThat(count("select count(*) from account where openid = '" + WeChatSandbox.openidFor(code) + "'")).isEqualTo(1);
        assertThat(count("select count(*) from account where id = " + first.accountId() + " and unionid is not null"))
                .as("the unionid WeChat sends is kept").isEqualTo(1);
        api(first.client(), "Me").execute().path("me.roles").entityList(String.class).containsExactly("RESIDENT");
    }

    @Test
    void simultaneousFirstLoginsOfOnePersonMakeOneAccount() throws Exception {
        String code = "racer-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> logins = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                logins.add(() -> login(code).accountId());
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> result : pool.invokeAll(logins)) {
                ids.add(result.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        String openid = WeChatSandbox.openidFor(code);
        assertThat(count("select count(*) from account where openid = '" + openid + "'")).isEqualTo(1);
        assertThat(count("select count(*) from account_role r join account a on a.id = r.account_id where a.openid = '"
                + openid + "'")).isEqualTo(1);
    }

    @Test
    void codeRefusedByWeChatIsAClearErrorAndCreatesNothing() {
        long accounts = count("select count(*) from account");
        api(anonymous(), "LoginWithWeChat").variable("input", Map.of("code", "invalid-code")).execute()
                .errors().expect(error -> "WECHAT_LOGIN_FAILED".equals(error.getExtensions().get("code"))
                        && error.getMessage().contains("微信登录失败"))
                .verify()
                .path("loginWithWeChat").pathDoesNotExist();
        assertThat(count("select count(*) from account")).isEqualTo(accounts);
    }

    @Test
    void weChatSystemErrorIsReportedAsUnavailable() {
        long accounts = count("select count(*) from account");
        api(anonymous(), "LoginWithWeChat").variable("input", Map.of("code", "busy-code")).execute()
                .errors().expect(error -> "WECHAT_UNAVAILABLE".equals(error.getExtensions().get("code"))).verify();
        assertThat(count("select count(*) from account")).isEqualTo(accounts);
    }

    @Test
    void blankOrOversizedCodeIsRejectedBeforeCallingWeChat() {
        int sessionCalls = weChat().callCount("/sns/jscode2session");
        for (String code : List.of("", "   ", "x".repeat(129), "含中文")) {
            api(anonymous(), "LoginWithWeChat").variable("input", Map.of("code", code)).execute()
                    .errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                            && "input.code".equals(error.getExtensions().get("field")))
                    .verify();
        }
        assertThat(weChat().callCount("/sns/jscode2session")).isEqualTo(sessionCalls);
    }

    @Test
    void missingOrMistypedInputIsAValidationErrorNamingTheField() {
        api(anonymous(), "LoginWithWeChat").variable("input", Map.of()).execute()
                .errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                        && String.valueOf(error.getExtensions().get("detail")).contains("code"))
                .verify();
        api(anonymous(), "LoginWithWeChat").variable("input", Map.of("code", List.of(1, 2))).execute()
                .errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                        && error.getExtensions().containsKey("field"))
                .verify();
    }
}
