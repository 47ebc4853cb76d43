package cn.linli.privacy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log records a viewer reading a person's data once per window: a board refreshed all day is one line per
 * person, kind and window in the person's list of who looked, not thousands; another kind or another viewer is its
 * own line, and reading your own data is never recorded.
 */
class DataAccessLogE2ETest extends PrivacyTestBase {

    @Test
    void aRepeatedReadIsRecordedOncePerWindow() {
        long person = firstLogin("log-person").accountId();
        long viewer = firstLogin("log-viewer").accountId();
        long otherViewer = firstLogin("log-other").accountId();

        for (int refresh = 0; refresh < 50; refresh++) {
            accessLog.seen(viewer, List.of(person), DataAccessKind.ORDER_CONTACT_PHONE);
        }
        accessLog.seen(viewer, List.of(person), DataAccessKind.VERIFICATION_DETAILS);
        accessLog.seen(otherViewer, List.of(person, otherViewer), DataAccessKind.ORDER_CONTACT_PHONE);
        accessLog.flush().block(Duration.ofSeconds(10));

        assertThat(count("select count(*) from data_access where subject_account_id = " + person
                + " and viewer_account_id = " + viewer + " and what = 'ORDER_CONTACT_PHONE'")).isEqualTo(1);
        assertThat(count("select count(*) from data_access where subject_account_id = " + person
                + " and viewer_account_id = " + viewer + " and what = 'VERIFICATION_DETAILS'")).isEqualTo(1);
        assertThat(count("select count(*) from data_access where subject_account_id = " + person
                + " and viewer_account_id = " + otherViewer)).isEqualTo(1);
        assertThat(count("select count(*) from data_access where subject_account_id = " + otherViewer)).isZero();
        assertThat(DataAccessLog.RECORD_AGAIN_AFTER).isEqualTo(Duration.ofMinutes(10));
    }
}
