package cn.linli.privacy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One kind of record about a person as a table (schema {@code PersonalDataSection}; one sheet of the .xlsx). */
record PersonalDataSection(String key, String title, List<String> columns, List<List<@Nullable String>> rows) {
}
