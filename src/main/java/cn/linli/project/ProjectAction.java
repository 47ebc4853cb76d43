package cn.linli.project;

/** The steps of a project's life. */
enum ProjectAction {
    CREATE,
    /** Link needs, pledge resources, add milestones. */
    EDIT,
    START,
    REPORT_MILESTONE,
    SUBMIT_FOR_SIGN_OFF,
    /** A committee member signs off, not yet enough to complete it. */
    SIGN_OFF,
    /** The sign-off that meets the community's rule completes it. */
    COMPLETE,
    CANCEL
}
