package cn.linli.project;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;

/**
 * A state machine in one table, shared by the project and resource lifecycles: each action, the states it leaves
 * from, the state it leads to (null: it keeps the state) and who may take it.
 */
final class TransitionTable<S extends Enum<S>, A extends Enum<A>, R extends Enum<R>> {

    private record Transition<S extends Enum<S>, R extends Enum<R>>(Set<S> from, @Nullable S to, Set<R> by) {
    }

    private final Class<S> states;
    private final Map<A, Transition<S, R>> table;
    private final Function<S, LinliException> invalid;

    TransitionTable(Class<S> states, Class<A> actions, Function<S, LinliException> invalid) {
        this.states = states;
        this.table = new EnumMap<>(actions);
        this.invalid = invalid;
    }

    @SafeVarargs
    final TransitionTable<S, A, R> put(A action, Set<S> from, @Nullable S to, R first, R... more) {
        Set<S> sources = from.isEmpty() ? EnumSet.noneOf(states) : EnumSet.copyOf(from);
        table.put(action, new Transition<>(sources, to, EnumSet.of(first, more)));
        return this;
    }

    Set<S> sourcesOf(A action) {
        return Collections.unmodifiableSet(table.get(action).from());
    }

    S targetOf(A action, S from) {
        S to = table.get(action).to();
        return to == null ? from : to;
    }

    /** The state the action leads to; FORBIDDEN for an actor who may never take it, the invalid refusal otherwise. */
    S check(A action, S from, R actor) {
        Transition<S, R> transition = table.get(action);
        if (!transition.by().contains(actor)) {
            throw LinliException.forbidden();
        }
        if (!transition.from().contains(from)) {
            throw invalid.apply(from);
        }
        return targetOf(action, from);
    }
}
