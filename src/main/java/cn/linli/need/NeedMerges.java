package cn.linli.need;

import java.util.List;

import cn.linli.need.NeedInputs.MergeNeedsInput;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Duplicates: staff merge need B into need A of the same community. B becomes MERGED (pointing at A), and B's
 * supporting households support A too (each household once). Both rows are locked in id order first, so two staff
 * merging the same pair, either way round, queue and the second sees the first's outcome.
 */
@Service
class NeedMerges {

    private final NeedRepository needs;
    private final NeedEventRepository events;
    private final NeedPolicy policy;
    private final NeedMoves moves;

    NeedMerges(NeedRepository needs, NeedEventRepository events, NeedPolicy policy, NeedMoves moves) {
        this.needs = needs;
        this.events = events;
        this.policy = policy;
        this.moves = moves;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Need> merge(Viewer viewer, MergeNeedsInput input) {
        return Mono.defer(() -> {
            long from = Ids.parse(input.needId(), "input.needId");
            long into = Ids.parse(input.intoNeedId(), "input.intoNeedId");
            if (from == into) {
                throw LinliException.invalid("input.intoNeedId", "不能把需求合并到它自己");
            }
            return needs.byIds(List.of(from, into)).collectMap(Need::id)
                    .flatMap(found -> {
                        Need duplicate = found.get(from);
                        Need target = found.get(into);
                        if (duplicate == null || target == null) {
                            return Mono.error(LinliException.notFound("需求"));
                        }
                        if (duplicate.communityId() != target.communityId()) {
                            return Mono.error(LinliException.invalid("input.intoNeedId", "只能合并同一社区的需求"));
                        }
                        return policy.asStaff(viewer, duplicate.communityId())
                                .then(needs.lock(List.of(from, into)))
                                .then(Mono.defer(() -> merged(viewer, from, into)));
                    });
        });
    }

    /** After the locks: both as they are now. */
    private Mono<Need> merged(Viewer viewer, long from, long into) {
        var by = new NeedMoves.By(NeedActor.STAFF, viewer.accountId());
        return needs.find(into).zipWith(needs.find(from)).flatMap(pair -> {
            Need target = pair.getT1();
            Need duplicate = pair.getT2();
            NeedLifecycle.check(NeedAction.ABSORB, target.status(), NeedActor.STAFF);
            return moves.move(duplicate, NeedAction.MERGE, by, "已合并到需求 #" + into,
                            needs.merge(from, NeedLifecycle.sourcesOf(NeedAction.MERGE), NeedStatus.MERGED, into))
                    .then(events.copySupporters(from, into))
                    .then(needs.find(into))
                    .flatMap(after -> moves.recorded(target, after, NeedAction.ABSORB, by, "合并了重复需求 #" + from));
        });
    }
}
