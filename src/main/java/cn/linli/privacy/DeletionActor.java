package cn.linli.privacy;

/** Who acts on a deletion request: the person themselves, or the system (the cooling-off timer). */
enum DeletionActor {
    PERSON,
    SYSTEM
}
