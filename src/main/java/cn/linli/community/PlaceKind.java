package cn.linli.community;

import cn.linli.audit.AuditSubject;
import org.jspecify.annotations.Nullable;

/**
 * The levels of the tree, top down, with what SQL and messages need to know of each. The table and column names are
 * constants of this enum (never client text), so repositories may build statements from them.
 */
public enum PlaceKind {
    STREET("街道", "street", null, "name", "null", 100, AuditSubject.STREET),
    COMMUNITY("社区", "community", "street_id", "name", "id", 100, AuditSubject.COMMUNITY),
    ESTATE("小区", "estate", "community_id", "name", "community_id", 100, AuditSubject.ESTATE),
    BUILDING("楼栋", "building", "estate_id", "name", "community_id", 50, AuditSubject.BUILDING),
    UNIT("单元", "unit", "building_id", "name", "community_id", 50, AuditSubject.UNIT),
    HOUSEHOLD("户", "household", "unit_id", "room", "community_id", 20, AuditSubject.HOUSEHOLD);

    private final String displayName;
    private final String table;
    private final @Nullable String parentColumn;
    private final String nameColumn;
    private final String communityColumn;
    private final int maxNameLength;
    private final AuditSubject auditSubject;

    PlaceKind(String displayName, String table, @Nullable String parentColumn, String nameColumn,
              String communityColumn, int maxNameLength, AuditSubject auditSubject) {
        this.displayName = displayName;
        this.table = table;
        this.parentColumn = parentColumn;
        this.nameColumn = nameColumn;
        this.communityColumn = communityColumn;
        this.maxNameLength = maxNameLength;
        this.auditSubject = auditSubject;
    }

    /** The level above, or null for a street. */
    public @Nullable PlaceKind parent() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** The level below, or null for a household. */
    public @Nullable PlaceKind child() {
        return ordinal() == values().length - 1 ? null : values()[ordinal() + 1];
    }

    /** Streets and communities are registered by the platform; everything inside a community by its staff. */
    public boolean managedByAdmins() {
        return this == STREET || this == COMMUNITY;
    }

    public String displayName() {
        return displayName;
    }

    /** The V1 check constraint's upper bound on the name (room number for a household). */
    public int maxNameLength() {
        return maxNameLength;
    }

    AuditSubject auditSubject() {
        return auditSubject;
    }

    String table() {
        return table;
    }

    /** The column naming the parent; "null" for a street (usable in a select list). */
    String parentColumn() {
        return parentColumn == null ? "null" : parentColumn;
    }

    String nameColumn() {
        return nameColumn;
    }

    /** An expression giving the place's community ("null" for a street, "id" for a community). */
    String communityColumn() {
        return communityColumn;
    }
}
