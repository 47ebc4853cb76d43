package cn.linli.householdimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.householdimport.ImportTreeRepository.Placed;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tree side of a commit, inside the commit's transaction: level by level, create the missing places and lock the
 * named ones for share; then classify every row against the tree as it now is (the same {@link RowRules} as the dry
 * run) and refuse the whole commit if any row became invalid (a place retired since the upload); else create the
 * households that are still missing. Throwing rolls back the places created on the way.
 */
@Component
class TreeWrites {

    private final ImportTreeRepository tree;

    TreeWrites(ImportTreeRepository tree) {
        this.tree = tree;
    }

    /** What the commit created. {@code foundThere}: rows the dry run called NEW whose household existed by now. */
    record Written(long estates, long buildings, long units, long households, List<Integer> foundThere) {
    }

    /** Places of one level found or created, by name path, and each one's path by id (to name its children). */
    private record Level(long created, Map<List<String>, Placed> byPath, Map<Long, List<String>> pathById) {

        static final Level ROOT = new Level(0, Map.of(), Map.of());

        @Nullable Placed at(ClassifiedRow row, int depth) {
            return byPath.get(path(row).subList(0, depth));
        }
    }

    private interface Create {
        Mono<Long> apply(long communityId, List<Long> parents, List<String> names);
    }

    private interface Lock {
        Flux<Placed> apply(List<Long> parents, List<String> names);
    }

    /** Joins the commit's transaction. Levels are found top down: [estates], + buildings, + units. */
    @Transactional
    public Mono<Written> write(long communityId, List<ClassifiedRow> rows) {
        return tree.lockCommunity(communityId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("社区")))
                .flatMap(retired -> retired
                        ? Mono.error(new LinliException(ErrorCode.IMPORT_HAS_INVALID_ROWS, "该社区已停用，不能导入住户"))
                        : estates(communityId, rows))
                .flatMap(levels -> level(communityId, rows, levels, tree::createBuildings, tree::lockBuildings))
                .flatMap(levels -> level(communityId, rows, levels, tree::createUnits, tree::lockUnits))
                .flatMap(levels -> households(communityId, rows, levels));
    }

    private Mono<List<Level>> estates(long communityId, List<ClassifiedRow> rows) {
        List<String> names = rows.stream().map(ClassifiedRow::estate).distinct().toList();
        return tree.createEstates(communityId, names)
                .flatMap(created -> tree.lockEstates(communityId, names).collectList()
                        .map(places -> List.of(index(created, places, Level.ROOT))));
    }

    /**
     * The next level (buildings, then units) under the parents found. Retired parents get no new children: rows
     * under them are refused by the classification anyway, which rolls everything back.
     */
    private Mono<List<Level>> level(long communityId, List<ClassifiedRow> rows, List<Level> levels, Create create,
                                    Lock lock) {
        int depth = levels.size() + 1;
        Level parents = levels.get(levels.size() - 1);
        Set<List<Object>> pairs = new LinkedHashSet<>();
        for (ClassifiedRow row : rows) {
            Placed parent = parents.at(row, depth - 1);
            if (parent != null && !parent.retired()) {
                pairs.add(List.of(parent.id(), path(row).get(depth - 1)));
            }
        }
        List<Long> ids = pairs.stream().map(pair -> (Long) pair.get(0)).toList();
        List<String> names = pairs.stream().map(pair -> (String) pair.get(1)).toList();
        return create.apply(communityId, ids, names)
                .flatMap(created -> lock.apply(ids, names).collectList()
                        .map(places -> append(levels, index(created, places, parents))));
    }

    private Mono<Written> households(long communityId, List<ClassifiedRow> rows, List<Level> levels) {
        Level units = levels.get(2);
        List<Long> unitIds = new ArrayList<>();
        List<String> rooms = new ArrayList<>();
        for (ClassifiedRow row : rows) {
            Placed unit = units.at(row, 3);
            if (unit != null && !unit.retired()) {
                unitIds.add(unit.id());
                rooms.add(row.room());
            }
        }
        return tree.households(unitIds, rooms).collectList()
                .flatMap(existing -> create(communityId, rows, levels, snapshot(levels, existing)));
    }

    private Mono<Written> create(long communityId, List<ClassifiedRow> rows, List<Level> levels, TreeSnapshot snapshot) {
        List<ClassifiedRow> now = RowRules.classify(
                rows.stream().map(row -> row.with(ImportOutcome.ALREADY_THERE, null)).toList(), snapshot);
        List<ClassifiedRow> invalid = now.stream().filter(row -> row.outcome() == ImportOutcome.INVALID).toList();
        if (!invalid.isEmpty()) {
            return Mono.error(ImportErrors.hasInvalidRows(invalid));
        }
        Level units = levels.get(2);
        List<ClassifiedRow> fresh = now.stream().filter(row -> row.outcome() == ImportOutcome.NEW).toList();
        return tree.createHouseholds(communityId,
                        fresh.stream().map(row -> Objects.requireNonNull(units.at(row, 3)).id()).toList(),
                        fresh.stream().map(ClassifiedRow::room).toList(),
                        fresh.stream().map(ClassifiedRow::headName).toList(),
                        fresh.stream().map(ClassifiedRow::headPhone).toList())
                .map(created -> append(units.pathById().get(created.parentId()), created.name()))
                .collect(Collectors.toSet())
                .map(created -> new Written(levels.get(0).created(), levels.get(1).created(), units.created(),
                        created.size(), foundThere(rows, created)));
    }

    /** Rows the dry run called NEW whose household someone else created meanwhile. */
    private static List<Integer> foundThere(List<ClassifiedRow> stored, Set<List<String>> created) {
        return stored.stream()
                .filter(row -> row.outcome() == ImportOutcome.NEW && !created.contains(path(row)))
                .map(ClassifiedRow::rowNumber)
                .toList();
    }

    private static TreeSnapshot snapshot(List<Level> levels, List<Placed> households) {
        TreeSnapshot snapshot = new TreeSnapshot();
        levels.forEach(level -> level.byPath().forEach((path, place) -> snapshot.add(path, place.retired())));
        Level units = levels.get(2);
        households.forEach(household -> snapshot.add(append(units.pathById().get(household.parentId()), household.name()),
                household.retired()));
        return snapshot;
    }

    private static Level index(long created, List<Placed> places, Level parents) {
        Map<List<String>, Placed> byPath = new HashMap<>();
        Map<Long, List<String>> pathById = new HashMap<>();
        for (Placed place : places) {
            List<String> above = parents == Level.ROOT ? List.of() : parents.pathById().get(place.parentId());
            List<String> path = append(above, place.name());
            byPath.put(path, place);
            pathById.put(place.id(), path);
        }
        return new Level(created, byPath, pathById);
    }

    static List<String> path(ClassifiedRow row) {
        return List.of(row.estate(), row.building(), row.unit(), row.room());
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list);
        longer.add(element);
        return List.copyOf(longer);
    }
}
