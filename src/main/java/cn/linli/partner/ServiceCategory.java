package cn.linli.partner;

/** A kind of service and how its orders are dispatched ({@code ASSIGN}, {@code AUTO} or {@code GRAB}). */
public record ServiceCategory(long id, String code, String name, String dispatchMode) {
}
