package cn.linli.householdimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The columns of the file, found by their header (first row) in any order: 小区, 楼栋, 单元, 房号 required,
 * 户主姓名, 联系电话 optional. An unknown or repeated header refuses the file, saying which: a typo in a header would
 * otherwise drop a whole column silently.
 */
enum ImportColumns {
    ESTATE("小区", true), BUILDING("楼栋", true), UNIT("单元", true), ROOM("房号", true),
    HEAD_NAME("户主姓名", false), HEAD_PHONE("联系电话", false);

    final String header;
    final boolean required;

    ImportColumns(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    /** Where each column is in a row of the file. */
    record Layout(Map<ImportColumns, Integer> indexes) {

        String cell(List<String> cells, ImportColumns column) {
            Integer index = indexes.get(column);
            return index == null || index >= cells.size() ? "" : cells.get(index);
        }
    }

    static Layout detect(List<String> headerCells) {
        Map<ImportColumns, Integer> indexes = new EnumMap<>(ImportColumns.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < headerCells.size(); i++) {
            String name = CellRules.normalize(headerCells.get(i));
            if (name.isEmpty()) {
                continue; // spreadsheet programs often save trailing empty columns
            }
            ImportColumns column = byHeader(name);
            if (column == null) {
                unknown.add(name);
            } else if (indexes.putIfAbsent(column, i) != null) {
                throw ImportErrors.fileInvalid("表头“" + name + "”出现了不止一次");
            }
        }
        List<String> missing = Arrays.stream(values()).filter(c -> c.required && !indexes.containsKey(c))
                .map(c -> c.header).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw ImportErrors.fileInvalid(describe(missing, unknown));
        }
        return new Layout(indexes);
    }

    private static String describe(List<String> missing, List<String> unknown) {
        StringBuilder message = new StringBuilder("表头不正确：");
        if (!missing.isEmpty()) {
            message.append("缺少 ").append(String.join("、", missing)).append("；");
        }
        if (!unknown.isEmpty()) {
            message.append("不认识 ").append(unknown.stream().limit(5).collect(Collectors.joining("、"))).append("；");
        }
        return message.append("第一行应为 小区、楼栋、单元、房号，可加 户主姓名、联系电话").toString();
    }

    private static @Nullable ImportColumns byHeader(String name) {
        for (ImportColumns column : values()) {
            if (column.header.equals(name)) {
                return column;
            }
        }
        return null;
    }
}
