package cn.linli.order;

/** Something that happened in a partner's inbox, pushed to its members. */
record InboxEvent(String kind, ServiceOrder order) {
}
