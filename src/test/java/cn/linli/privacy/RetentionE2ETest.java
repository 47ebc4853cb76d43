package cn.linli.privacy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Notification history, ended sessions and data access records expire by the rules in retention_rule. */
class RetentionE2ETest extends PrivacyTestBase {

    @Test
    void theDailyRunPurgesWhatTheRulesSayWasKeptLongEnough() {
        String code = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        Login person = personWithCode(code, "13700008888");
        long p = person.accountId();
        String requestId = verified(person, newHousehold(), "HEAD", "周保留");
        api(staffOnce().client(), "VerificationRequest").variable("id", requestId).execute().errors().verify();
        accessLog.flush().block();
        Login second = loginWithoutConsent(code);
        api(anonymous(), "Logout").variable("input", Map.of("refreshToken", second.refreshToken())).execute().errors().verify();
        assertThat(count("select count(*) from notification where account_id = " + p)).isPositive();
        assertThat(count("select count(*) from data_access where subject_account_id = " + p)).isPositive();
        long othersNotifications = count("select count(*) from notification where account_id <> " + p);

        String rules = text("select string_agg(subject || '=' || keep_for::text, ',' order by subject) from retention_rule");
        try {
            // rules set short; this person's records made older than them (everyone else's are younger)
            exec("update retention_rule set keep_for = interval '1 hour'");
            exec("update notification set created_at = now() - interval '2 hours' where account_id = " + p);
            exec("update auth_session set ended_at = now() - interval '2 hours' where ended_at is not null and account_id = " + p);
            exec("update data_access set created_at = now() - interval '2 hours' where subject_account_id = " + p);

            dueNow(Retention.TIMER);
            timers.runDue().block();

            assertThat(count("select count(*) from notification where account_id = " + p)).isZero();
            assertThat(count("select count(*) from auth_session where ended_at is not null and account_id = " + p)).isZero();
            assertThat(count("select count(*) from auth_session where ended_at is null and account_id = " + p)).isEqualTo(1);
            assertThat(count("select count(*) from data_access where subject_account_id = " + p)).isZero();
            assertThat(count("select count(*) from notification where account_id <> " + p)).isGreaterThanOrEqualTo(othersNotifications);
            // the run scheduled the next one, a day later
            assertThat(count("select count(*) from timer where kind = 'PRIVACY_RETENTION' and due_at > now() + interval '23 hours'"))
                    .isPositive();
            api(person.client(), "Me").execute().errors().verify();
        } finally {
            for (String rule : rules.split(",")) {
                String[] parts = rule.split("=");
                db.sql("update retention_rule set keep_for = cast(:keep as interval) where subject = :subject")
                        .bind("keep", parts[1]).bind("subject", parts[0]).then().block(Duration.ofSeconds(10));
            }
        }
    }

    private void exec(String sql) {
        db.sql(sql).then().block(Duration.ofSeconds(10));
    }
}
