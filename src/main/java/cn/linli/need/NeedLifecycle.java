package cn.linli.need;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

import static cn.linli.need.NeedActor.RESIDENT;
import static cn.linli.need.NeedActor.STAFF;
import static cn.linli.need.NeedActor.STREET_STAFF;
import static cn.linli.need.NeedActor.SYSTEM;
import static cn.linli.need.NeedStatus.ESCALATED;
import static cn.linli.need.NeedStatus.IN_PROJECT;
import static cn.linli.need.NeedStatus.MERGED;
import static cn.linli.need.NeedStatus.ON_AGENDA;
import static cn.linli.need.NeedStatus.ORDERED;
import static cn.linli.need.NeedStatus.RESOLVED;
import static cn.linli.need.NeedStatus.SUBMITTED;
import static cn.linli.need.NeedStatus.TRIAGED;

/**
 * A need's state machine in one table: each action, the states it leaves from, the state it leads to (the same state
 * for SUPPORT and ABSORB, which only add supporters) and who may take it. Services ask {@link #check}; repository
 * updates bind {@link #sourcesOf}, so the database decides races with the same rule.
 */
final class NeedLifecycle {

    static final NeedStatus INITIAL = SUBMITTED;

    private static final Set<NeedStatus> OPEN = EnumSet.of(SUBMITTED, TRIAGED, ORDERED, ON_AGENDA, ESCALATED,
            IN_PROJECT);

    /** {@code to} null: the need stays where it is. */
    private record Transition(Set<NeedStatus> from, NeedStatus to, Set<NeedActor> by) {
    }

    private static final Map<NeedAction, Transition> TABLE = new EnumMap<>(NeedAction.class);

    static {
        put(NeedAction.SUBMIT, EnumSet.noneOf(NeedStatus.class), SUBMITTED, RESIDENT);
        put(NeedAction.COLLECT, EnumSet.noneOf(NeedStatus.class), SUBMITTED, STAFF);
        put(NeedAction.SUPPORT, OPEN, null, RESIDENT);
        put(NeedAction.ABSORB, OPEN, null, STAFF);
        put(NeedAction.TRIAGE, EnumSet.of(SUBMITTED, TRIAGED), TRIAGED, STAFF);
        put(NeedAction.MERGE, EnumSet.of(SUBMITTED, TRIAGED), MERGED, STAFF);
        put(NeedAction.ORDER, EnumSet.of(TRIAGED), ORDERED, STAFF);
        put(NeedAction.ORDER_CONFIRMED, EnumSet.of(ORDERED), RESOLVED, SYSTEM);
        put(NeedAction.ORDER_CANCELLED, EnumSet.of(ORDERED), TRIAGED, SYSTEM);
        put(NeedAction.PUT_ON_AGENDA, EnumSet.of(TRIAGED), ON_AGENDA, STAFF);
        put(NeedAction.MEETING_RESOLVED, EnumSet.of(ON_AGENDA), RESOLVED, STAFF);
        put(NeedAction.MEETING_ESCALATED, EnumSet.of(ON_AGENDA), ESCALATED, STAFF);
        put(NeedAction.MEETING_REOPENED, EnumSet.of(ON_AGENDA), TRIAGED, STAFF);
        put(NeedAction.ESCALATE, EnumSet.of(TRIAGED), ESCALATED, SYSTEM);
        put(NeedAction.RESOLVE, EnumSet.of(TRIAGED, ESCALATED), RESOLVED, STAFF, STREET_STAFF);
        // 项目清单 (cn.linli.project): a triaged need becomes part of a project; the project's end settles it
        put(NeedAction.ADD_TO_PROJECT, EnumSet.of(TRIAGED), IN_PROJECT, STAFF);
        put(NeedAction.PROJECT_COMPLETED, EnumSet.of(IN_PROJECT), RESOLVED, SYSTEM);
        put(NeedAction.PROJECT_CANCELLED, EnumSet.of(IN_PROJECT), TRIAGED, SYSTEM);
    }

    private static void put(NeedAction action, Set<NeedStatus> from, NeedStatus to, NeedActor... by) {
        TABLE.put(action, new Transition(from, to, EnumSet.of(by[0], by)));
    }

    static Set<NeedStatus> sourcesOf(NeedAction action) {
        return Collections.unmodifiableSet(TABLE.get(action).from());
    }

    /** The state the action leads to from {@code from} (the same one for actions that keep it). */
    static NeedStatus targetOf(NeedAction action, NeedStatus from) {
        NeedStatus to = TABLE.get(action).to();
        return to == null ? from : to;
    }

    static boolean allowedBy(NeedAction action, NeedActor actor) {
        return TABLE.get(action).by().contains(actor);
    }

    /**
     * The state the action leads to, or a refusal: FORBIDDEN when this actor may never take the action,
     * NEED_INVALID_TRANSITION when it may, but not from this state.
     */
    static NeedStatus check(NeedAction action, NeedStatus from, NeedActor actor) {
        Transition transition = TABLE.get(action);
        if (!transition.by().contains(actor)) {
            throw LinliException.forbidden();
        }
        if (!transition.from().contains(from)) {
            throw invalidTransition(from);
        }
        return targetOf(action, from);
    }

    static LinliException invalidTransition(NeedStatus status) {
        return new LinliException(ErrorCode.NEED_INVALID_TRANSITION,
                "该需求" + status.displayName() + "，不能再这样操作", Map.of("status", status.name()), null);
    }

    private NeedLifecycle() {
    }
}
