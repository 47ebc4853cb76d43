package cn.linli.festival;

/** An expense is PENDING until a second staff member approves it (four eyes), or APPROVED at once when small. */
enum ExpenseStatus {
    PENDING,
    APPROVED
}
