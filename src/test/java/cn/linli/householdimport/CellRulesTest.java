package cn.linli.householdimport;

import java.util.List;

import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cell text rules and header detection, without Spring. */
class CellRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1)", "\t=1", "-A1", "+1+1", "-1-1"})
    void formulaLikeCellsAreCaught(String cell) {
        assertThat(CellRules.formulaLike(cell)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"501", "B-101", "-101", "+86 13800000001", "028-85551234", "锦江苑", "1栋", "", "a=b", "3@4"})
    void plainValuesPass(String cell) {
        assertThat(CellRules.formulaLike(cell)).isFalse();
    }

    @Test
    void exportNeutralisesOnlyFormulaLikeValues() {
        assertThat(CellRules.neutralize("=1+1")).isEqualTo("'=1+1");
        assertThat(CellRules.neutralize("B-101")).isEqualTo("B-101");
        assertThat(CellRules.neutralize("-101")).isEqualTo("-101");
        assertThat(CellRules.neutralize(null)).isEmpty();
    }

    @Test
    void normalisingMakesFullWidthHalfWidthAndStrips() {
        assertThat(CellRules.normalize("  ５０１\u3000")).isEqualTo("501");
        assertThat(CellRules.normalize("\uFEFF小区")).isEqualTo("小区");
        assertThat(CellRules.normalize(null)).isEmpty();
        assertThat(CellRules.normalize("Ａ座")).isEqualTo("A座");
    }

    @Test
    void phonesAreMobileOrLandline() {
        assertThat(CellRules.phone("13800000001")).isEqualTo("13800000001");
        assertThat(CellRules.phone("+86 138 0000 0001")).isEqualTo("13800000001");
        assertThat(CellRules.phone("028-85551234")).isEqualTo("028-85551234");
        assertThat(CellRules.phone("02885551234")).isEqualTo("02885551234");
        assertThat(CellRules.phone("0755-1234567")).isEqualTo("0755-1234567");
        for (String bad : List.of("12345", "12800000001", "138000000012", "85551234", "abc", "028-855")) {
            assertThat(CellRules.phone(bad)).as(bad).isNull();
        }
    }

    @Test
    void headersAreFoundInAnyOrderAndOptionalOnesMayBeMissing() {
        ImportColumns.Layout layout = ImportColumns.detect(List.of("房号", " 小区 ", "单元", "楼栋", "", ""));
        List<String> row = List.of("501", "锦江苑", "2单元", "3栋");
        assertThat(layout.cell(row, ImportColumns.ESTATE)).isEqualTo("锦江苑");
        assertThat(layout.cell(row, ImportColumns.ROOM)).isEqualTo("501");
        assertThat(layout.cell(row, ImportColumns.HEAD_PHONE)).isEmpty();
        // a short row (trailing empty cells not written) reads as empty cells
        assertThat(layout.cell(List.of("501"), ImportColumns.BUILDING)).isEmpty();
    }

    @Test
    void wrongHeadersSayWhich() {
        assertThatThrownBy(() -> ImportColumns.detect(List.of("小区", "楼栋", "房号")))
                .isInstanceOf(LinliException.class).hasMessageContaining("缺少 单元");
        assertThatThrownBy(() -> ImportColumns.detect(List.of("小区", "楼栋", "单元", "房号", "电话")))
                .hasMessageContaining("不认识 电话");
        assertThatThrownBy(() -> ImportColumns.detect(List.of("小区", "楼栋", "单元", "房号", "房号")))
                .hasMessageContaining("“房号”出现了不止一次");
        assertThatThrownBy(() -> ImportColumns.detect(List.of("estate", "building", "unit", "room")))
                .hasMessageContaining("缺少 小区、楼栋、单元、房号");
    }
}
