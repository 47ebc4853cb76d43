package cn.linli.project;

/** The steps of a resource's life. */
enum ResourceAction {
    OFFER,
    WITHDRAW,
    /** Staff pledge it to a project. */
    PLEDGE,
    /** Its project completed. */
    USE,
    /** Its project was cancelled: offered again. */
    RELEASE
}
