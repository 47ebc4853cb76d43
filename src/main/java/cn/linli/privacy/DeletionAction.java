package cn.linli.privacy;

/** What can happen to a pending deletion: the person cancels it, or the cooling-off timer performs it. */
enum DeletionAction {
    CANCEL,
    PERFORM
}
