package cn.linli.householdimport;

/** What a row of an import does (or would do) to the community tree. */
enum ImportOutcome {
    /** The household does not exist yet: committing creates it (and any missing estate, building, unit). */
    NEW,
    /** The household exists already: committing leaves it as it is. */
    ALREADY_THERE,
    /** The row cannot be imported; {@code reason} says why. Any such row refuses the whole commit. */
    INVALID
}
