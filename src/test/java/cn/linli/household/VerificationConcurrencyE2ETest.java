package cn.linli.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import cn.linli.support.ApiDocuments;
import org.junit.jupiter.api.Test;

import static cn.linli.support.Concurrently.runAtOnce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real concurrency over HTTP: twenty identical applications leave one waiting request; twenty approvals and
 * rejections of one request by three approvers make exactly one decision and at most one membership.
 */
class VerificationConcurrencyE2ETest extends HouseholdTestBase {

    private static final int CALLS = 20;

    @Test
    void twentyIdenticalApplicationsLeaveOnePendingRequest() throws Exception {
        Login newcomer = newcomer();
        String household = jinchengHousehold(newcomer, "锦江苑 2栋2单元202");
        Map<String, Object> variables = Map.of("input",
                Map.of("householdId", household, "relation", "FAMILY", "realName", "并发申请"));

        List<String> outcomes = run(newcomer.accessToken(), "RequestHouseholdVerification", variables, CALLS);

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("VERIFICATION_ALREADY_PENDING"::equals).hasSize(CALLS - 1);
        assertThat(count("select count(*) from verification_request where household_id = " + household
                + " and applicant_id = " + newcomer.accountId())).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where subject = 'VERIFICATION' and action = 'APPLIED'"
                + " and actor_id = " + newcomer.accountId())).isEqualTo(1);
    }

    @Test
    void twentyConcurrentApprovalsAndRejectionsMakeOneDecision() throws Exception {
        Login newcomer = newcomer();
        String household = jinchengHousehold(newcomer, "锦江苑 2栋2单元302");
        String requestId = applied(newcomer, household, "FAMILY", "并发审核");
        List<String> tokens = List.of(staff().accessToken(), login("demo-staff-2").accessToken(), admin().accessToken());

        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            boolean approving = i % 2 == 0;
            String token = tokens.get(i % tokens.size());
            calls.add(() -> call(token, approving ? "ApproveVerificationRequest" : "RejectVerificationRequest",
                    Map.of("input", approving ? Map.of("requestId", requestId)
                            : Map.of("requestId", requestId, "reason", "并发驳回"))));
        }
        List<String> outcomes = runAtOnce(calls);

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("VERIFICATION_INVALID_TRANSITION"::equals).hasSize(CALLS - 1);
        String status = db.sql("select status from verification_request where id = " + requestId)
                .map(row -> row.get("status", String.class)).one().block();
        assertThat(status).isIn("APPROVED", "REJECTED");
        long decisions = count("select count(*) from audit_event where subject = 'VERIFICATION' and subject_id = "
                + requestId + " and action in ('APPROVED', 'REJECTED')");
        assertThat(decisions).isEqualTo(1);
        assertThat(members(household, newcomer.accountId())).isEqualTo("APPROVED".equals(status) ? 1 : 0);
        assertThat(count("select count(*) from notification where account_id = " + newcomer.accountId()
                + " and kind in ('VERIFICATION_APPROVED', 'VERIFICATION_REJECTED')")).isEqualTo(1);
    }

    private List<String> run(String token, String operation, Map<String, Object> variables, int times)
            throws Exception {
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(() -> call(token, operation, variables));
        }
        return runAtOnce(calls);
    }

}
