package cn.linli.household;

/** How a member is related to the household (schema {@code HouseholdRelation}). */
public enum HouseholdRelation {
    HEAD("户主"),
    FAMILY("家属"),
    TENANT("租户");

    private final String displayName;

    HouseholdRelation(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
