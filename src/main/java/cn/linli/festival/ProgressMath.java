package cn.linli.festival;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.linli.festival.FestivalRecords.Expense;
import cn.linli.festival.FestivalRecords.ItemNeed;
import cn.linli.festival.FestivalRecords.KindTotal;
import cn.linli.festival.FestivalRecords.Ledger;
import cn.linli.festival.FestivalRecords.LedgerIncome;
import cn.linli.festival.FestivalRecords.Progress;
import cn.linli.festival.FestivalRecords.VolunteerRole;
import cn.linli.festival.FestivalRecords.WallEntry;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic left after the database has summed the pledges ({@link ProgressRepository}): the sponsor's match,
 * the goal, the supporters wall's wording and the public ledger. Pure, so it is unit-tested without a database.
 */
final class ProgressMath {

    /** A campaign's counting pledges, summed in SQL. */
    record Totals(long raisedFen, long residentFen, int supporters) {
        static final Totals NONE = new Totals(0, 0, 0);
    }

    /** A counting pledge of the supporters wall, with what it gave (need or role) joined in SQL. */
    record WallRow(long id, long campaignId, PledgeKind kind, @Nullable Long accountId, ContributorKind contributorKind,
                   @Nullable String contributorName, boolean anonymous, @Nullable String message,
                   @Nullable Long amountFen, @Nullable Integer quantity, @Nullable String needName,
                   @Nullable String needUnit, @Nullable String roleName, Instant createdAt) {
    }

    /** A counting money pledge, a line of the ledger's income. */
    record IncomeRow(PledgeKind kind, ContributorKind contributorKind, @Nullable String contributorName,
                     boolean anonymous, long amountFen, Instant createdAt) {
    }

    /** The supporters wall shows this many newest pledges. */
    static final int WALL_SIZE = 30;

    /** The sponsor matches residents' money 1:1, up to its cap; nothing without a sponsor. */
    static long matchedFen(@Nullable Long capFen, long residentFen) {
        return capFen == null ? 0 : Math.max(0, Math.min(residentFen, capFen));
    }

    /** Raised plus matched reaches the money goal. */
    static boolean goalReached(long totalFen, long goalFen) {
        return totalFen >= goalFen;
    }

    static Progress progress(Campaign campaign, Totals totals, List<ItemNeed> needs, List<VolunteerRole> roles,
                             List<KindTotal> byKind, List<WallEntry> wall) {
        long matched = matchedFen(campaign.matchingCapFen(), totals.residentFen());
        return new Progress(totals.raisedFen(), matched, totals.raisedFen() + matched, campaign.moneyGoalFen(),
                totals.supporters(), needs, roles, byKind, wall);
    }

    /** A wall line: no name when anonymous; an offline contributor's own name; else the account's nickname. */
    static WallEntry wallEntry(WallRow row, @Nullable String nickname) {
        String name = row.anonymous() ? null : row.contributorName() != null ? row.contributorName() : nickname;
        return new WallEntry(name, row.kind(), row.contributorKind(), row.amountFen(), what(row), row.message(),
                row.createdAt());
    }

    /** What was given: 折叠椅 2 把, or 志愿者：签到引导; nothing for money. */
    static @Nullable String what(WallRow row) {
        if (row.kind() == PledgeKind.ITEM && row.needName() != null) {
            return row.needName() + " " + row.quantity() + " " + row.needUnit();
        }
        if (row.kind() == PledgeKind.TIME && row.roleName() != null) {
            return "志愿者：" + row.roleName();
        }
        return null;
    }

    /** Income (counting money pledges, then the sponsor's match) − approved expenses = balance. */
    static Ledger ledger(Campaign campaign, List<IncomeRow> rows, long matchedFen, List<Expense> expenses, Instant now) {
        List<LedgerIncome> income = new ArrayList<>();
        for (IncomeRow row : rows) {
            income.add(new LedgerIncome(source(row), row.contributorKind(), row.amountFen(), row.createdAt()));
        }
        if (matchedFen > 0) {
            income.add(new LedgerIncome("配捐：" + campaign.matchingSponsor(), ContributorKind.MERCHANT, matchedFen, now));
        }
        long incomeFen = income.stream().mapToLong(LedgerIncome::amountFen).sum();
        long spent = sum(expenses, ExpenseStatus.APPROVED);
        long pending = sum(expenses, ExpenseStatus.PENDING);
        return new Ledger(incomeFen, spent, pending, incomeFen - spent, income, expenses);
    }

    private static String source(IncomeRow row) {
        if (row.kind() == PledgeKind.OFFLINE) {
            return "线下：" + row.contributorName();
        }
        return row.anonymous() ? "匿名捐款" : "微信支付捐款";
    }

    private static long sum(List<Expense> expenses, ExpenseStatus status) {
        return expenses.stream().filter(e -> e.status() == status).mapToLong(Expense::amountFen).sum();
    }

    private ProgressMath() {
    }
}
