package cn.linli.householdimport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a CSV file. Excel in China saves "CSV (逗号分隔)" in GBK (GB18030 is its superset), and "CSV UTF-8"
 * with a byte-order mark; other tools write UTF-8 without one. Strict UTF-8 first: Chinese GBK text is practically
 * never valid UTF-8, so a file that decodes cleanly is UTF-8; otherwise strict GB18030. Neither → refused, rather
 * than importing mojibake as estate names.
 */
final class TextDecoding {

    private static final Charset GB18030 = Charset.forName("GB18030");

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        try {
            return strictOrThrow(bytes, 0, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return strict(bytes, 0, GB18030);
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return strictOrThrow(bytes, offset, charset);
        } catch (CharacterCodingException ex) {
            throw ImportErrors.fileInvalid("无法识别 CSV 文件的编码，请另存为 UTF-8 或 GBK 编码的 CSV");
        }
    }

    private static String strictOrThrow(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    private TextDecoding() {
    }
}
