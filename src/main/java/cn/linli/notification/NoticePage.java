package cn.linli.notification;

/**
 * The mini-program pages a notification opens: the one place that knows their routes, so features name a page and a
 * subject ({@code NoticePage.PARTNER_ORDER.route(orderId)}) instead of typing {@code "pages/partner/order?id="}.
 */
public enum NoticePage {
    /** The resident's order detail. */
    ORDER("pages/order/detail?id="),
    /** An order as the serving (or offered) partner sees it. */
    PARTNER_ORDER("pages/partner/order?id="),
    /** An order as community staff see it. */
    STAFF_ORDER("pages/staff/order?id="),
    /** A festival campaign. */
    CAMPAIGN("pages/festival/detail?id="),
    /** The time-bank balance and history (no subject). */
    TIME_BANK("pages/timebank/index"),
    /** The person's vouchers (no subject). */
    VOUCHERS("pages/timebank/vouchers");

    private final String route;

    NoticePage(String route) {
        this.route = route;
    }

    /** The route to the subject; pages without a subject ignore it. */
    public String route(long subjectId) {
        return takesSubject() ? route + subjectId : route;
    }

    /** The route of a page without a subject (or the list page of one with). */
    public String route() {
        return takesSubject() ? route.substring(0, route.indexOf('?')) : route;
    }

    boolean takesSubject() {
        return route.endsWith("=");
    }
}
