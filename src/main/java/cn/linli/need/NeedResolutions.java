package cn.linli.need;

import cn.linli.need.NeedInputs.ResolveNeedInput;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Staff of the community, or street staff for a need escalated to them, mark a need resolved with what was done. */
@Service
class NeedResolutions {

    private final NeedRepository needs;
    private final NeedPolicy policy;
    private final NeedMoves moves;

    NeedResolutions(NeedRepository needs, NeedPolicy policy, NeedMoves moves) {
        this.needs = needs;
        this.policy = policy;
        this.moves = moves;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Need> resolve(Viewer viewer, ResolveNeedInput input) {
        return Mono.defer(() -> {
            long id = Ids.parse(input.needId(), "input.needId");
            return needs.find(id)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("需求")))
                    .flatMap(need -> policy.asResolver(viewer, need))
                    .flatMap(actor -> needs.lock(java.util.List.of(id)).then(needs.find(id))
                            .flatMap(need -> moves.move(need, NeedAction.RESOLVE,
                                    new NeedMoves.By(actor, viewer.accountId()), input.note(),
                                    needs.transition(id, NeedLifecycle.sourcesOf(NeedAction.RESOLVE), NeedStatus.RESOLVED))));
        });
    }
}
