package cn.linli.householdimport;

import java.util.List;
import java.util.stream.Collectors;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/** The errors of this feature, with their Chinese messages in one place. */
final class ImportErrors {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_ROWS = 20_000;

    /** The file as a whole cannot be imported; nothing was stored. */
    static LinliException fileInvalid(String message) {
        return new LinliException(ErrorCode.IMPORT_FILE_INVALID, message);
    }

    static LinliException tooLarge() {
        return new LinliException(ErrorCode.PAYLOAD_TOO_LARGE, "文件不能超过 5 MB");
    }

    static LinliException tooManyRows() {
        return fileInvalid("数据行超过 " + MAX_ROWS + " 行，请分成几个文件导入");
    }

    /** A commit refused because rows are invalid (at upload, or now against the tree as it is at commit time). */
    static LinliException hasInvalidRows(List<ClassifiedRow> invalid) {
        String firstFew = invalid.stream().limit(3)
                .map(row -> "第 " + row.rowNumber() + " 行：" + row.reason())
                .collect(Collectors.joining("；"));
        return new LinliException(ErrorCode.IMPORT_HAS_INVALID_ROWS,
                "有 " + invalid.size() + " 行无法导入，未写入任何数据（" + firstFew + (invalid.size() > 3 ? "……" : "") + "）");
    }

    private ImportErrors() {
    }
}
