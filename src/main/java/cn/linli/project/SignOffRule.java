package cn.linli.project;

/**
 * How many sign-offs of the supervision committee complete a project — a community's data (table
 * {@code supervision_rule}): at least {@code minSignOffs} (never fewer than one), and when {@code majority} is set,
 * more than half of the committee's current members as well.
 */
record SignOffRule(int minSignOffs, boolean majority) {

    SignOffRule {
        if (minSignOffs < 1) {
            throw new IllegalArgumentException("a project needs at least one sign-off");
        }
    }

    /** Sign-offs needed with this many members on the committee. */
    int required(int members) {
        int byMajority = majority ? members / 2 + 1 : 0;
        return Math.max(minSignOffs, byMajority);
    }

    boolean completes(int signOffs, int members) {
        return signOffs >= required(members);
    }
}
