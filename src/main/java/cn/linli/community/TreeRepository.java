package cn.linli.community;

import java.time.Instant;

import cn.linli.platform.db.Binds;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * SQL that changes the tree. Every statement names its table and columns through {@link PlaceKind}'s constants, one
 * method per change. Places are never deleted: retiring sets {@code retired_at}.
 */
@Repository
class TreeRepository {

    /** Any place as the write flows see it: its parent, its community (null for a street), name and state. */
    record PlaceRow(long id, @Nullable Long parentId, @Nullable Long communityId, String name,
                    @Nullable Instant retiredAt) implements Place {
    }

    private final DatabaseClient db;

    TreeRepository(DatabaseClient db) {
        this.db = db;
    }

    private static String select(PlaceKind kind) {
        return "select id, " + kind.parentColumn() + " as parent_id, " + kind.communityColumn() + " as community_id, "
                + kind.nameColumn() + " as name, retired_at from " + kind.table();
    }

    Mono<PlaceRow> find(PlaceKind kind, long id) {
        return row(select(kind) + " where id = :id", id);
    }

    /**
     * Locks the place for a change of its own (rename, retire, reinstate). Retiring a parent locks it like this, and
     * adding or reinstating a child takes {@link #lockShared} on the parent: whichever comes second waits, then sees
     * the other's outcome, so no child in use can end up under a retired parent.
     */
    Mono<PlaceRow> lock(PlaceKind kind, long id) {
        return row(select(kind) + " where id = :id for update", id);
    }

    Mono<PlaceRow> lockShared(PlaceKind kind, long id) {
        return row(select(kind) + " where id = :id for share", id);
    }

    private Mono<PlaceRow> row(String sql, long id) {
        return db.sql(sql).bind("id", id).mapProperties(PlaceRow.class).one();
    }

    /** Whether any place in use sits directly below this one. */
    Mono<Boolean> hasChildrenInUse(PlaceKind kind, long id) {
        PlaceKind child = kind.child();
        if (child == null) {
            return Mono.just(false);
        }
        return db.sql("select exists (select 1 from " + child.table() + " where " + child.parentColumn()
                        + " = :id and retired_at is null) as in_use")
                .bind("id", id)
                .map(row -> Boolean.TRUE.equals(row.get("in_use", Boolean.class)))
                .one();
    }

    /**
     * Inserts a place unless a sibling of the same name exists (the V1 unique constraints decide, so two staff adding
     * the same building at once make one row): the new id, or empty when the name was taken.
     */
    Mono<Long> insert(PlaceKind kind, @Nullable Long parentId, @Nullable Long communityId, String name,
                      @Nullable String address) {
        String sql = switch (kind) {
            case STREET -> "insert into street (name) values (:name) on conflict (name) do nothing returning id";
            case COMMUNITY -> """
                    insert into community (street_id, name, address) values (:parent, :name, :address)
                    on conflict (street_id, name) do nothing returning id""";
            case ESTATE -> """
                    insert into estate (community_id, name) values (:parent, :name)
                    on conflict (community_id, name) do nothing returning id""";
            case BUILDING, UNIT, HOUSEHOLD -> "insert into " + kind.table() + " (" + kind.parentColumn()
                    + ", community_id, " + kind.nameColumn() + ") values (:parent, :community, :name) on conflict ("
                    + kind.parentColumn() + ", " + kind.nameColumn() + ") do nothing returning id";
        };
        var spec = db.sql(sql).bind("name", name);
        if (kind != PlaceKind.STREET) {
            spec = spec.bind("parent", Binds.nullable(parentId, Long.class));
        }
        if (kind == PlaceKind.COMMUNITY) {
            spec = spec.bind("address", Binds.nullable(address, String.class));
        }
        if (kind.ordinal() > PlaceKind.ESTATE.ordinal()) {
            spec = spec.bind("community", Binds.nullable(communityId, Long.class));
        }
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    /** The sibling holding this name (in use or retired). */
    Mono<PlaceRow> sibling(PlaceKind kind, @Nullable Long parentId, String name) {
        String where = kind == PlaceKind.STREET ? " where name = :name"
                : " where " + kind.parentColumn() + " = :parent and " + kind.nameColumn() + " = :name";
        var spec = db.sql(select(kind) + where).bind("name", name);
        if (kind != PlaceKind.STREET) {
            spec = spec.bind("parent", Binds.nullable(parentId, Long.class));
        }
        return spec.mapProperties(PlaceRow.class).one();
    }

    /** A taken name fails with the unique constraint's DuplicateKeyException (the caller says which sibling). */
    Mono<Void> rename(PlaceKind kind, long id, String name) {
        return db.sql("update " + kind.table() + " set " + kind.nameColumn() + " = :name where id = :id")
                .bind("name", name).bind("id", id).then();
    }

    Mono<Void> retire(PlaceKind kind, long id) {
        return db.sql("update " + kind.table() + " set retired_at = now() where id = :id and retired_at is null")
                .bind("id", id).then();
    }

    Mono<Void> reinstate(PlaceKind kind, long id) {
        return db.sql("update " + kind.table() + " set retired_at = null where id = :id")
                .bind("id", id).then();
    }
}
