package cn.linli.householdimport;

import java.util.List;

/**
 * An import's life: checked on upload (a dry run, nothing written to the tree), then committed once. The only
 * transition is {@link #CHECKED} → {@link #COMMITTED}; committing a committed import is a no-op, not an error, so a
 * client retrying after a lost answer gets the same result.
 */
enum ImportStatus {
    CHECKED, COMMITTED;

    /** States a commit may start from (the SQL guard binds these). */
    static final List<ImportStatus> COMMITTABLE = List.of(CHECKED);

    static String[] names(List<ImportStatus> states) {
        return states.stream().map(Enum::name).toArray(String[]::new);
    }
}
