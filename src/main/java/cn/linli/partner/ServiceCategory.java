package cn.linli.partner;

/**
 * A kind of service, how its orders are dispatched ({@code ASSIGN}, {@code AUTO} or {@code GRAB}), and whether
 * serving it is volunteer work that earns time-bank points. {@code dispatchMode} stays text for the features that
 * read it today; {@link #mode()} is the typed view.
 */
public record ServiceCategory(long id, String code, String name, String dispatchMode, boolean earnsPoints) {

    public DispatchMode mode() {
        return DispatchMode.valueOf(dispatchMode);
    }
}
