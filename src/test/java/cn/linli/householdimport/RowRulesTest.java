package cn.linli.householdimport;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Row validation and classification against a tree snapshot, without Spring. */
class RowRulesTest {

    private static SheetRow row(int number, String estate, String building, String unit, String room) {
        return new SheetRow(number, estate, building, unit, room, null, null);
    }

    private static ClassifiedRow only(List<SheetRow> rows, TreeSnapshot tree) {
        return RowRules.classify(RowRules.validate(rows), tree).get(rows.size() - 1);
    }

    @Test
    void aRowNeedsAllFourPlacesWithinTheDatabaseLengths() {
        List<ClassifiedRow> rows = RowRules.validate(List.of(
                row(2, "", "1栋", "", "101"),
                row(3, "苑", "1栋", "1单元", "1".repeat(21)),
                row(4, "x".repeat(101), "1栋", "1单元", "101"),
                row(5, "苑", "1栋", "1单元", "1\u0007")));
        assertThat(rows).extracting(ClassifiedRow::reason).containsExactly(
                "缺少小区、单元", "房号超过 20 个字", "小区超过 100 个字", "房号包含无效字符");
        assertThat(rows).extracting(ClassifiedRow::outcome).containsOnly(ImportOutcome.INVALID);
    }

    @Test
    void optionalColumnsAreCheckedWhenGiven() {
        List<ClassifiedRow> rows = RowRules.validate(List.of(
                new SheetRow(2, "苑", "1栋", "1单元", "101", "王秀英", "+86 138 0000 0001"),
                new SheetRow(3, "苑", "1栋", "1单元", "102", null, "1380000"),
                new SheetRow(4, "苑", "1栋", "1单元", "103", "名".repeat(51), null)));
        assertThat(rows.get(0).outcome()).isNotEqualTo(ImportOutcome.INVALID);
        assertThat(rows.get(0).headPhone()).as("stored normalised").isEqualTo("13800000001");
        assertThat(rows.get(1).reason()).startsWith("联系电话格式不正确");
        assertThat(rows.get(2).reason()).startsWith("户主姓名超过 50 个字");
    }

    @Test
    void theSameHouseholdTwiceInAFileIsInvalidTheSecondTime() {
        List<ClassifiedRow> rows = RowRules.validate(List.of(row(2, "苑", "1栋", "1单元", "101"),
                row(3, "苑", "1栋", "1单元", "102"), row(7, "苑", "1栋", "1单元", "101")));
        assertThat(rows).extracting(ClassifiedRow::outcome)
                .containsExactly(ImportOutcome.ALREADY_THERE, ImportOutcome.ALREADY_THERE, ImportOutcome.INVALID);
        assertThat(rows.get(2).reason()).isEqualTo("与第 2 行是同一户，重复了");
    }

    @Test
    void newWhenAnyLevelIsMissingAlreadyThereWhenTheHouseholdExists() {
        TreeSnapshot tree = new TreeSnapshot()
                .add(List.of("苑"), false).add(List.of("苑", "1栋"), false).add(List.of("苑", "1栋", "1单元"), false)
                .add(List.of("苑", "1栋", "1单元", "101"), false);
        assertThat(only(List.of(row(2, "苑", "1栋", "1单元", "101")), tree).outcome()).isEqualTo(ImportOutcome.ALREADY_THERE);
        assertThat(only(List.of(row(2, "苑", "1栋", "1单元", "102")), tree).outcome()).isEqualTo(ImportOutcome.NEW);
        assertThat(only(List.of(row(2, "苑", "2栋", "1单元", "101")), tree).outcome()).isEqualTo(ImportOutcome.NEW);
        assertThat(only(List.of(row(2, "新苑", "1栋", "1单元", "101")), tree).outcome()).isEqualTo(ImportOutcome.NEW);
    }

    @Test
    void aRetiredPlaceAtAnyLevelMakesTheRowInvalid() {
        List<String> path = List.of("苑", "1栋", "1单元", "101");
        String[] reasons = {"小区“苑”已停用，不能再导入住户", "楼栋“苑 1栋”已停用，不能再导入住户",
                "单元“苑 1栋 1单元”已停用，不能再导入住户", "该户（苑 1栋 1单元 101）已停用，导入不会恢复停用的房屋"};
        for (int retiredDepth = 1; retiredDepth <= 4; retiredDepth++) {
            TreeSnapshot tree = new TreeSnapshot();
            for (int depth = 1; depth <= 4; depth++) {
                tree.add(path.subList(0, depth), depth == retiredDepth);
            }
            ClassifiedRow result = only(List.of(row(2, "苑", "1栋", "1单元", "101")), tree);
            assertThat(result.outcome()).isEqualTo(ImportOutcome.INVALID);
            assertThat(result.reason()).isEqualTo(reasons[retiredDepth - 1]);
        }
    }

    @Test
    void invalidRowsStayInvalidWhateverTheTree() {
        ClassifiedRow result = only(List.of(row(2, "", "1栋", "1单元", "101")), new TreeSnapshot());
        assertThat(result.outcome()).isEqualTo(ImportOutcome.INVALID);
        assertThat(result.reason()).isEqualTo("缺少小区");
    }
}
