package cn.linli.platform.crypto;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A column holding personal data sealed by {@link PersonalDataCipher}, declared by the feature that owns the table
 * (see {@link SealedColumns}) so {@link Resealing} can move its values to the current key.
 *
 * @param table      the table
 * @param column     the sealed column
 * @param hashColumn the column holding its lookup hash, or null when the column is never searched
 * @param phone      whether the value is a phone number (its hash is {@link PersonalDataCipher#phoneHash})
 */
public record SealedColumn(String table, String column, @Nullable String hashColumn, boolean phone) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public SealedColumn {
        // the names are written into SQL: only plain identifiers, never input
        for (String name : new String[] {table, column, hashColumn == null ? "x" : hashColumn}) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not an identifier: " + name);
            }
        }
    }

    /** A sealed text column that is never searched (a real name). */
    public static SealedColumn text(String table, String column) {
        return new SealedColumn(table, column, null, false);
    }

    /** A sealed phone column, with the column of its lookup hash or null. */
    public static SealedColumn phone(String table, String column, @Nullable String hashColumn) {
        return new SealedColumn(table, column, hashColumn, true);
    }
}
