package cn.linli.householdimport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The places of a community that an import's rows name, as name paths — [小区], [小区, 楼栋], [小区, 楼栋, 单元],
 * [小区, 楼栋, 单元, 房号] — each with whether it is retired. Built from the database (dry run: as it is now; commit:
 * as it is at commit time, under lock), read by {@link RowRules#classify}.
 */
final class TreeSnapshot {

    private final Map<List<String>, Boolean> retiredByPath = new HashMap<>();

    /** Adds a place; a path already present keeps "retired" if either says so. */
    TreeSnapshot add(List<String> path, boolean retired) {
        retiredByPath.merge(List.copyOf(path), retired, Boolean::logicalOr);
        return this;
    }

    /** Null when no place has this path; otherwise whether it is retired. */
    @Nullable Boolean retired(List<String> path) {
        return retiredByPath.get(path);
    }
}
