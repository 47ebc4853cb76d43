package cn.linli.timebank;

import java.util.Map;
import java.util.UUID;

import cn.linli.devservices.WeChatSandbox;
import cn.linli.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Time-bank tests get a household of their own (two residents in 锦城社区), so balances never leak between tests. */
abstract class TimeBankTestBase extends IntegrationTest {

    record Family(String headCode, String memberCode, long headId, long memberId, long householdId) {
    }

    protected long jincheng() {
        return idOf("select id from community where name = '锦城社区'");
    }

    protected Family newFamily() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String head = "tb-head-" + suffix;
        String member = "tb-member-" + suffix;
        long household = db.sql("""
                        insert into household (unit_id, community_id, room)
                        select id, community_id, :room from unit
                         where community_id = (select id from community where name = '锦城社区') order by id limit 1
                        returning id
                        """)
                .bind("room", "T" + suffix.substring(0, 6))
                .map(row -> row.get("id", Long.class)).one().block();
        long headId = resident(household, head, true);
        long memberId = resident(household, member, false);
        return new Family(head, member, headId, memberId, household);
    }

    private long resident(long household, String code, boolean isHead) {
        return db.sql("""
                        with a as (insert into account (openid, nickname) values (:openid, :nickname) returning id),
                             r as (insert into account_role (account_id, role) select id, 'RESIDENT' from a),
                             m as (insert into household_member (household_id, account_id, is_head)
                                   select :household, id, :head from a)
                        select id from a
                        """)
                .bind("openid", WeChatSandbox.openidFor(code)).bind("nickname", "居民" + code.substring(code.length() - 4))
                .bind("household", household).bind("head", isHead)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    protected GraphQlTester.Response grant(Login staff, long accountId, int points) {
        return api(staff.client(), "GrantPoints").variable("input", Map.of("communityId", String.valueOf(jincheng()),
                "accountId", String.valueOf(accountId), "points", points, "reason", "志愿值守",
                "idempotencyKey", "grant-" + UUID.randomUUID())).execute();
    }

    protected long balanceOf(long accountId) {
        return count("select coalesce((select balance from timebank_account where kind = 'PERSON' and owner_account_id = "
                + accountId + "), 0)");
    }

    protected void expectBalanced(Login staff) {
        GraphQlTester.Response books = api(staff.client(), "TimeBankReconciliation")
                .variable("communityId", jincheng()).execute();
        books.errors().verify();
        books.path("timeBankReconciliation.breaks").entityList(String.class).hasSize(0);
        books.path("timeBankReconciliation.balanced").entity(Boolean.class).isEqualTo(true);
    }

    protected static void expectCode(GraphQlTester.Response response, String code) {
        response.errors().expect(e -> code.equals(e.getExtensions().get("code"))).verify();
    }
}
