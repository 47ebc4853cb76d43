package cn.linli.platform.timer;

/**
 * How often the poller tries again while polling fails (PostgreSQL down): after n failures in a row it skips
 * 2^n − 1 ticks, up to {@link #MAX_SKIPPED} (about a minute at the default one-second tick), and is back to every
 * tick after the first success. Without it an instance retried about a hundred times a second during an outage.
 */
final class PollBackoff {

    static final int MAX_SKIPPED = 63;

    private int failures;
    private int skipped;

    /** Whether this tick should poll; call once per tick. */
    synchronized boolean shouldPoll() {
        int toSkip = failures == 0 ? 0 : Math.min(MAX_SKIPPED, (1 << Math.min(failures, 6)) - 1);
        if (skipped < toSkip) {
            skipped++;
            return false;
        }
        skipped = 0;
        return true;
    }

    synchronized void failed() {
        failures++;
    }

    synchronized void succeeded() {
        failures = 0;
        skipped = 0;
    }
}
