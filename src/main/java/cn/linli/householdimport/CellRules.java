package cn.linli.householdimport;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How one cell's text is read and judged, the same for .xlsx and .csv, import and export.
 *
 * <p>Formula injection: a spreadsheet program runs a cell that starts with {@code = + - @} (or a tab / carriage
 * return before one) as a formula, e.g. {@code =HYPERLINK(...)} or {@code -2+3+cmd|'/C calc'!A0}. Such cells are
 * refused on import and neutralised on export. A sign followed only by digits and spaces ({@code -101} for a
 * basement room, {@code +86 138…} for a phone) is let through: a spreadsheet reads it as a plain number, there is
 * nothing in it to run. A dash inside a value ({@code B-101}, {@code 028-8555…}) was never a risk.
 */
final class CellRules {

    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][0-9][0-9 ]*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[0-9]{2,3}-?[0-9]{7,8}");

    /**
     * The text as compared and stored: NFKC (full-width ５０１ and half-width 501 are one room, as people type both),
     * without a byte-order mark, stripped. Never null.
     */
    static String normalize(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw.replace("\uFEFF", ""), Normalizer.Form.NFKC).strip();
    }

    static boolean formulaLike(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return (first == '+' || first == '-') && !SIGNED_NUMBER.matcher(text).matches();
    }

    static boolean hasControlCharacters(String text) {
        return CONTROL.matcher(text).find();
    }

    /**
     * The phone as stored, or null when it is neither an 11-digit mainland mobile (1[3-9]…, an optional +86 in front)
     * nor a landline with area code (0xx-xxxxxxxx or 0xxx-xxxxxxx, dash optional). Spaces are ignored.
     */
    static @Nullable String phone(String text) {
        String compact = text.replace(" ", "");
        if (compact.startsWith("+86")) {
            compact = compact.substring(3);
        }
        if (MOBILE.matcher(compact).matches() || LANDLINE.matcher(compact).matches()) {
            return compact;
        }
        return null;
    }

    /** The cell as written on export: a formula-like value gets a leading apostrophe, which shows it as text. */
    static String neutralize(@Nullable String value) {
        if (value == null) {
            return "";
        }
        return formulaLike(value) ? "'" + value : value;
    }

    private CellRules() {
    }
}
