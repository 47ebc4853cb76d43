package cn.linli.project;

/** Who takes a step on a project: the community's staff, or a member of its supervision committee. */
enum ProjectActor {
    STAFF, COMMITTEE
}
