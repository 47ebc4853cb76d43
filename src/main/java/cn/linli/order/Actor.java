package cn.linli.order;

import org.jspecify.annotations.Nullable;

/** Who makes a transition: recorded in the timeline. */
record Actor(@Nullable Long accountId, ActorKind kind) {

    static final Actor SYSTEM = new Actor(null, ActorKind.SYSTEM);

    static Actor resident(long accountId) {
        return new Actor(accountId, ActorKind.RESIDENT);
    }

    static Actor staff(long accountId) {
        return new Actor(accountId, ActorKind.STAFF);
    }

    static Actor partner(long accountId) {
        return new Actor(accountId, ActorKind.PARTNER);
    }
}
