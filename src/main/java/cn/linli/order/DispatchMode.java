package cn.linli.order;

/** How a category's orders reach a partner (schema {@code DispatchMode}). */
public enum DispatchMode {
    /** Staff choose a partner from the ranked candidates. */
    ASSIGN,
    /** The best candidate with capacity gets it as soon as it is placed. */
    AUTO,
    /** Every eligible partner is offered it; the first to accept wins. */
    GRAB;

    /** The mode a category declares (its text, or an enum of the partner feature with the same names). */
    static DispatchMode of(Object categoryMode) {
        return valueOf(String.valueOf(categoryMode));
    }
}
