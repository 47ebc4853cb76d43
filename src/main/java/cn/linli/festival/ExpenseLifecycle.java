package cn.linli.festival;

import java.util.EnumSet;
import java.util.Set;

import cn.linli.festival.FestivalRecords.Expense;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/**
 * Four eyes on spending: an expense above the threshold starts PENDING and only a staff member other than its
 * recorder may approve it; a smaller one is APPROVED as recorded. The database's CHECK refuses the same approver too.
 */
final class ExpenseLifecycle {

    /** Where an approval starts, for the SQL guard. */
    static final Set<ExpenseStatus> APPROVABLE = EnumSet.of(ExpenseStatus.PENDING);

    static ExpenseStatus initial(long amountFen, long approvalThresholdFen) {
        return amountFen > approvalThresholdFen ? ExpenseStatus.PENDING : ExpenseStatus.APPROVED;
    }

    /** Refuses an approval of an expense already approved, or by the staff member who recorded it. */
    static ExpenseStatus checkApproval(Expense expense, long approverAccountId) {
        if (!APPROVABLE.contains(expense.status())) {
            throw new LinliException(ErrorCode.EXPENSE_ALREADY_APPROVED);
        }
        if (expense.recordedBy() == approverAccountId) {
            throw new LinliException(ErrorCode.FOUR_EYES_REQUIRED);
        }
        return ExpenseStatus.APPROVED;
    }

    private ExpenseLifecycle() {
    }
}
