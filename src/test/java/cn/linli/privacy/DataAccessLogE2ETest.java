package cn.linli.privacy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log records a viewer reading a person's data once per window: a board refreshed all day is one line per
 * person, kind and window in the person's list of who looked, not thousands; another kind or another viewer is its
 * own line, reading your own data is never recorded, and once the window has passed the same read is recorded again.
 */
class DataAccessLogE2ETest extends PrivacyTestBase {

    @Autowired
    private DataAccessRepository repository;

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
    }

    @Test
    void theSameReadIsRecordedAgainOnceTheWindowHasPassed() {
        long person = firstLogin("log-window-person").accountId();
        long viewer = firstLogin("log-window-viewer").accountId();
        AtomicLong now = new AtomicLong();
        DataAccessLog log = new DataAccessLog(repository, now::get);
        String rows = "select count(*) from data_access where subject_account_id = " + person
                + " and viewer_account_id = " + viewer;
        try {
            log.seen(viewer, List.of(person), DataAccessKind.ORDER_CONTACT_PHONE);
            now.addAndGet(DataAccessLog.RECORD_AGAIN_AFTER.toNanos() - 1); // still within the window
            log.seen(viewer, List.of(person), DataAccessKind.ORDER_CONTACT_PHONE);
            log.flush().block(Duration.ofSeconds(10));
            assertThat(count(rows)).isEqualTo(1);

            now.addAndGet(1); // ten minutes after the first read
            log.seen(viewer, List.of(person), DataAccessKind.ORDER_CONTACT_PHONE);
            log.seen(viewer, List.of(person), DataAccessKind.ORDER_CONTACT_PHONE);
            log.flush().block(Duration.ofSeconds(10));
            assertThat(count(rows)).isEqualTo(2);
        } finally {
            log.stop();
        }
    }
}
