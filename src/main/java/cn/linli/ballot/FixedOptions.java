package cn.linli.ballot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Options some ballots always have: 同意 / 不同意 for APPROVE, 满意 / 基本满意 / 不满意 for SATISFACTION. */
final class FixedOptions {

    record Draft(String label, @Nullable Long subjectId) {
    }

    static final List<Draft> APPROVE = List.of(new Draft("同意", null), new Draft("不同意", null));
    static final List<Draft> SATISFACTION = List.of(new Draft("满意", null), new Draft("基本满意", null),
            new Draft("不满意", null));

    /** The options a ballot of this kind and mode gets whatever staff typed; null when staff choose them. */
    static @Nullable List<Draft> of(BallotKind kind, PickMode mode) {
        if (kind == BallotKind.SATISFACTION) {
            return SATISFACTION;
        }
        return mode == PickMode.APPROVE ? APPROVE : null;
    }

    private FixedOptions() {
    }
}
