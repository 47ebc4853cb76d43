package cn.linli.ballot;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/**
 * Whether a household's picks fit the ballot: known options, no duplicates, exactly one for SINGLE and APPROVE (and
 * satisfaction ballots), one to {@code maxPicks} for PICK_UP_TO_N and RANK (RANK keeps the order given: first = most
 * preferred). Refusals are INVALID_BALLOT_CHOICE on {@code input.optionIds}.
 */
final class VoteRules {

    static void check(Ballot ballot, List<BallotOption> options, List<Long> picks) {
        Set<Long> known = new HashSet<>();
        options.forEach(option -> known.add(option.id()));
        if (picks.isEmpty()) {
            throw invalid("请选择选项");
        }
        if (new HashSet<>(picks).size() != picks.size()) {
            throw invalid("不能重复选择同一选项");
        }
        if (!known.containsAll(picks)) {
            throw invalid("所选选项不属于本次投票");
        }
        int max = maxPicks(ballot);
        if (picks.size() > max) {
            throw invalid(max == 1 ? "本次投票只能选一项" : "本次投票最多选 " + max + " 项");
        }
    }

    static int maxPicks(Ballot ballot) {
        return switch (ballot.pickMode()) {
            case SINGLE, APPROVE -> 1;
            case PICK_UP_TO_N, RANK -> ballot.maxPicks();
        };
    }

    static LinliException invalid(String message) {
        return new LinliException(ErrorCode.INVALID_BALLOT_CHOICE, message, Map.of("field", "input.optionIds"), null);
    }

    private VoteRules() {
    }
}
