package cn.linli.platform.timer;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** While polling fails the poller spaces its attempts out exponentially, up to a cap, and recovers at once. */
class PollBackoffTest {

    @Test
    void pollsEveryTickWhileHealthy() {
        PollBackoff backoff = new PollBackoff();
        for (int tick = 0; tick < 10; tick++) {
            assertThat(backoff.shouldPoll()).isTrue();
            backoff.succeeded();
        }
    }

    @Test
    void failuresInARowDoubleTheGapUpToAboutAMinute() {
        PollBackoff backoff = new PollBackoff();
        List<Integer> attemptTicks = new ArrayList<>();
        for (int tick = 0; tick < 400; tick++) {
            if (backoff.shouldPoll()) {
                attemptTicks.add(tick);
                backoff.failed();
            }
        }
        List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < attemptTicks.size(); i++) {
            gaps.add(attemptTicks.get(i) - attemptTicks.get(i - 1));
        }
        assertThat(gaps).startsWith(2, 4, 8, 16, 32, 64, 64, 64);
        assertThat(attemptTicks.size()).as("attempts in 400 s of outage, instead of 40,000").isLessThan(12);
    }

    @Test
    void oneSuccessRestoresEveryTickPolling() {
        PollBackoff backoff = new PollBackoff();
        for (int i = 0; i < 5; i++) {
            backoff.failed();
        }
        assertThat(backoff.shouldPoll()).isFalse();
        backoff.succeeded();
        assertThat(backoff.shouldPoll()).isTrue();
        assertThat(backoff.shouldPoll()).isTrue();
    }
}
