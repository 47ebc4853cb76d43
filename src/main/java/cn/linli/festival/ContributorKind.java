package cn.linli.festival;

/** 四个一点: who chips in (GraphQL {@code ContributorKind}). The sponsor matches residents' money only. */
enum ContributorKind {
    RESIDENT,
    MERCHANT,
    ORGANISATION,
    COMMUNITY,
    GOVERNMENT
}
