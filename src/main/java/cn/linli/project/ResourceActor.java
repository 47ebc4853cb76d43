package cn.linli.project;

/** Who takes a step on a resource: whoever offered it (a partner's member), staff, or the system (its project). */
enum ResourceActor {
    OFFERER, STAFF, SYSTEM
}
