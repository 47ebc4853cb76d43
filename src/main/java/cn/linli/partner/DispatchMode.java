package cn.linli.partner;

/** How orders of a category reach a partner ({@code service_category.dispatch_mode}, GraphQL {@code DispatchMode}). */
public enum DispatchMode {
    /** Staff choose the partner. */
    ASSIGN,
    /** The system picks the best-ranked eligible partner. */
    AUTO,
    /** Every eligible partner is offered the order; the first to accept wins. */
    GRAB
}
