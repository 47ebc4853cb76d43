package cn.linli.householdimport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

import cn.linli.platform.error.LinliException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * What kind of file was uploaded, told by its content (a name or content type is whatever the client says).
 * An .xlsx is a zip holding the OOXML parts; before any XML is parsed, the zip is inflated once with a cap on the
 * total size, so a zip bomb (a few KB that inflate to gigabytes) is refused after at most {@link #MAX_INFLATED}
 * bytes of work. The same zip reader as the spreadsheet library's (central directory) is used, so both see the same
 * entries. Anything else without NUL bytes is taken as CSV text.
 */
final class ImportFiles {

    static final long MAX_INFLATED = 50L * 1024 * 1024;
    private static final int MAX_ENTRIES = 1_000;

    static SheetFormat sniff(byte[] bytes) {
        if (isBlank(bytes)) {
            throw ImportErrors.fileInvalid("文件是空的");
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            checkWorkbook(bytes);
            return SheetFormat.XLSX;
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw ImportErrors.fileInvalid("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 .csv 后再上传");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw ImportErrors.fileInvalid("文件不是 .xlsx 或 .csv 表格");
            }
        }
        return SheetFormat.CSV;
    }

    private static void checkWorkbook(byte[] bytes) {
        boolean contentTypes = false;
        boolean workbook = false;
        long inflated = 0;
        int entries = 0;
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
                ZipArchiveEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw ImportErrors.fileInvalid("Excel 文件内部结构异常（条目过多）");
                }
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                workbook |= entry.getName().equals("xl/workbook.xml");
                try (InputStream in = zip.getInputStream(entry)) {
                    inflated = drain(in, inflated);
                }
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof LinliException linli) {
                throw linli;
            }
            throw ImportErrors.fileInvalid("文件是压缩包，但不是可以读取的 Excel（.xlsx）文件");
        }
        if (!contentTypes || !workbook) {
            throw ImportErrors.fileInvalid("文件是压缩包，但不是 Excel 工作簿（.xlsx）");
        }
    }

    /** Reads the stream to its end, adding to {@code total}; refuses the file once the total passes the cap. */
    private static long drain(InputStream in, long total) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_INFLATED) {
                throw ImportErrors.fileInvalid("Excel 文件解压后超过 50 MB，不像是一份住户名单");
            }
        }
        return total;
    }

    private static boolean isBlank(byte[] bytes) {
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private ImportFiles() {
    }
}
