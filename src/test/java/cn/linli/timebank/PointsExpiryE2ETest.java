package cn.linli.timebank;

import java.util.Map;
import java.util.UUID;

import cn.linli.platform.timer.Timers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Earned points expire after the community's months, oldest first, into the pool, once. */
class PointsExpiryE2ETest extends TimeBankTestBase {

    @Autowired
    Timers timers;

    @Test
    void whatIsLeftOfAnOldEarningExpiresIntoThePool() {
        Login staff = staff();
        long community = jincheng();
        api(staff.client(), "SetTimeBankRules").variable("input", Map.of("communityId", String.valueOf(community),
                "pointsPerHour", 10, "expiryMonths", 6)).execute()
                .path("setTimeBankRules.expiryMonths").entity(Integer.class).isEqualTo(6);
        try {
            Family family = newFamily();
            grant(staff, family.headId(), 50).errors().verify();
            long firstGrant = count("select max(t.id) from timebank_transaction t join timebank_entry e on e.transaction_id = t.id"
                    + " join timebank_account a on a.id = e.account_id where a.owner_account_id = " + family.headId());
            assertThat(count("select count(*) from timer where kind = 'POINTS_EXPIRY' and subject_id = " + firstGrant))
                    .isEqualTo(1);
            Login head = login(family.headCode());
            api(head.client(), "TransferPoints").variable("input", Map.of("toAccountId", String.valueOf(family.memberId()),
                    "points", 20, "idempotencyKey", "exp-" + UUID.randomUUID())).execute().errors().verify();
            grant(staff, family.headId(), 10).errors().verify();
            assertThat(balanceOf(family.headId())).isEqualTo(40);

            // six months pass for the first grant: 30 of its 50 are left (the 20 spent came from it; the newer 10 stay)
            dueNow(TimeBankTimers.POINTS_EXPIRY, firstGrant);
            timers.runDue().block();
            timers.runDue().block();

            assertThat(balanceOf(family.headId())).isEqualTo(10);
            GraphQlTester.Response statement = api(head.client(), "MyTimeBank").execute();
            statement.path("myTimeBank.statement.edges[0].node.kind").entity(String.class).isEqualTo("EXPIRE");
            statement.path("myTimeBank.statement.edges[0].node.points").entity(Integer.class).isEqualTo(-30);
            assertThat(count("select count(*) from timebank_transaction where kind = 'EXPIRE' and idempotency_key = 'expire:"
                    + firstGrant + "'")).isEqualTo(1);
            expectBalanced(staff);
        } finally {
            api(staff.client(), "SetTimeBankRules").variable("input", Map.of("communityId", String.valueOf(community),
                    "pointsPerHour", 10)).execute().errors().verify();
        }
    }
}
