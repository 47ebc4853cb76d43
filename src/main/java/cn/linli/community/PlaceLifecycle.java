package cn.linli.community;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/**
 * What may happen to a place, pure and in one place. A place is in use or retired; retiring is refused while places
 * in use remain below it (staff retire from the bottom up, so no household is retired by accident); reinstating is
 * refused under a retired parent (it would be unreachable); a retired place takes no new children. Renaming is
 * allowed in both states: renaming a retired place is how its name is freed for a new sibling. Asking for the state
 * a place is already in is not an error: retries and double taps are answered with the place as it is.
 */
final class PlaceLifecycle {

    enum State {
        IN_USE, RETIRED;

        static State of(Place place) {
            return place.retired() ? RETIRED : IN_USE;
        }

        static State of(boolean retired) {
            return retired ? RETIRED : IN_USE;
        }
    }

    enum Action { RENAME, RETIRE, REINSTATE, ADD_CHILD }

    /** Whether the action changes the place, or leaves it as it is (already in the asked-for state). */
    enum Outcome { CHANGE, UNCHANGED }

    /** What the rules look at besides the state: the parent (when there is one) and the children. */
    record Surroundings(boolean parentInUse, boolean childrenInUse) {

        static final Surroundings NONE = new Surroundings(true, false);
    }

    /** The outcome of {@code action} on a place of {@code kind} in state {@code from}, or the refusal. */
    static Outcome check(PlaceKind kind, State from, Action action, Surroundings around) {
        return switch (action) {
            case RENAME -> Outcome.CHANGE;
            case ADD_CHILD -> {
                if (from == State.RETIRED) {
                    throw retired(kind.displayName() + "已停用，不能在其下新增");
                }
                yield Outcome.CHANGE;
            }
            case RETIRE -> {
                if (from == State.RETIRED) {
                    yield Outcome.UNCHANGED;
                }
                if (around.childrenInUse()) {
                    PlaceKind child = kind.child();
                    throw new LinliException(ErrorCode.PLACE_HAS_ACTIVE_CHILDREN,
                            "请先停用该" + kind.displayName() + "下仍在使用的" + (child == null ? "地点" : child.displayName()));
                }
                yield Outcome.CHANGE;
            }
            case REINSTATE -> {
                if (from == State.IN_USE) {
                    yield Outcome.UNCHANGED;
                }
                if (!around.parentInUse()) {
                    PlaceKind parent = kind.parent();
                    throw retired("所属" + (parent == null ? "上级" : parent.displayName()) + "已停用，请先恢复它");
                }
                yield Outcome.CHANGE;
            }
        };
    }

    static LinliException retired(String message) {
        return new LinliException(ErrorCode.PLACE_RETIRED, message);
    }

    private PlaceLifecycle() {
    }
}
