package cn.linli.householdimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rules for each row, pure: first what a row must say on its own (all four places, lengths the database allows,
 * a valid phone, not twice in the file), then what it does to the tree as a snapshot shows it (NEW, ALREADY_THERE, or
 * INVALID when it names a retired place — an import never silently reinstates what staff retired).
 */
final class RowRules {

    private static final String[] LEVELS = {"小区", "楼栋", "单元", "房号"};
    private static final int[] MAX_LENGTHS = {100, 50, 50, 20};
    private static final int MAX_NAME = 50;

    /** Rows that pass the rules of their own are ALREADY_THERE for now; {@link #classify} decides. */
    static List<ClassifiedRow> validate(List<SheetRow> rows) {
        Map<List<String>, Integer> firstSeen = new HashMap<>();
        List<ClassifiedRow> result = new ArrayList<>(rows.size());
        for (SheetRow row : rows) {
            String reason = ownReason(row);
            if (reason == null) {
                Integer earlier = firstSeen.putIfAbsent(path(row), row.rowNumber());
                reason = earlier == null ? null : "与第 " + earlier + " 行是同一户，重复了";
            }
            String phone = reason == null && row.headPhone() != null ? CellRules.phone(row.headPhone()) : row.headPhone();
            SheetRow stored = new SheetRow(row.rowNumber(), row.estate(), row.building(), row.unit(), row.room(),
                    row.headName(), phone);
            result.add(ClassifiedRow.of(stored, reason == null ? ImportOutcome.ALREADY_THERE : ImportOutcome.INVALID, reason));
        }
        return result;
    }

    /** The final outcome of each valid row against the tree; invalid rows stay as they are. */
    static List<ClassifiedRow> classify(List<ClassifiedRow> rows, TreeSnapshot tree) {
        List<ClassifiedRow> result = new ArrayList<>(rows.size());
        for (ClassifiedRow row : rows) {
            result.add(row.outcome() == ImportOutcome.INVALID ? row : classify(row, tree));
        }
        return result;
    }

    private static ClassifiedRow classify(ClassifiedRow row, TreeSnapshot tree) {
        List<String> path = List.of(row.estate(), row.building(), row.unit(), row.room());
        for (int depth = 1; depth <= LEVELS.length; depth++) {
            Boolean retired = tree.retired(path.subList(0, depth));
            if (retired == null) {
                return row.with(ImportOutcome.NEW, null);
            }
            if (retired) {
                return row.with(ImportOutcome.INVALID, retiredReason(path, depth));
            }
        }
        return row.with(ImportOutcome.ALREADY_THERE, null);
    }

    private static String retiredReason(List<String> path, int depth) {
        if (depth == LEVELS.length) {
            return "该户（" + String.join(" ", path) + "）已停用，导入不会恢复停用的房屋";
        }
        return LEVELS[depth - 1] + "“" + String.join(" ", path.subList(0, depth)) + "”已停用，不能再导入住户";
    }

    private static @Nullable String ownReason(SheetRow row) {
        String[] values = {row.estate(), row.building(), row.unit(), row.room()};
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i].isEmpty()) {
                missing.add(LEVELS[i]);
            }
        }
        if (!missing.isEmpty()) {
            return "缺少" + String.join("、", missing);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].length() > MAX_LENGTHS[i]) {
                return LEVELS[i] + "超过 " + MAX_LENGTHS[i] + " 个字";
            }
            if (CellRules.hasControlCharacters(values[i])) {
                return LEVELS[i] + "包含无效字符";
            }
        }
        return optionalReason(row);
    }

    private static @Nullable String optionalReason(SheetRow row) {
        String name = row.headName();
        if (name != null && (name.length() > MAX_NAME || CellRules.hasControlCharacters(name))) {
            return "户主姓名超过 " + MAX_NAME + " 个字或包含无效字符";
        }
        if (row.headPhone() != null && CellRules.phone(row.headPhone()) == null) {
            return "联系电话格式不正确：应为 11 位手机号，或带区号的固定电话（如 028-85551234）";
        }
        return null;
    }

    static List<String> path(SheetRow row) {
        return List.of(row.estate(), row.building(), row.unit(), row.room());
    }

    private RowRules() {
    }
}
