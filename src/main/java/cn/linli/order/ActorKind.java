package cn.linli.order;

/** Who makes a transition (schema {@code ActorKind}). */
public enum ActorKind {
    RESIDENT,
    STAFF,
    PARTNER,
    SYSTEM
}
