package cn.linli.order;

import org.jspecify.annotations.Nullable;

/** Who makes a transition: recorded in the timeline. */
record Actor(@Nullable Long accountId, String kind) {

    static final Actor SYSTEM = new Actor(null, "SYSTEM");

    static Actor resident(long accountId) {
        return new Actor(accountId, "RESIDENT");
    }

    static Actor staff(long accountId) {
        return new Actor(accountId, "STAFF");
    }

    static Actor partner(long accountId) {
        return new Actor(accountId, "PARTNER");
    }
}
