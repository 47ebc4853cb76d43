package cn.linli.need;

/** Who takes a step on a need (schema {@code NeedActorKind}); SYSTEM is a timer or an order's outcome. */
public enum NeedActor {
    RESIDENT, STAFF, STREET_STAFF, SYSTEM
}
