package cn.linli.privacy;

/** Where an account deletion request is (schema {@code AccountDeletionStatus}); {@link DeletionLifecycle} moves it. */
enum DeletionStatus {
    PENDING,
    CANCELLED,
    PERFORMED
}
