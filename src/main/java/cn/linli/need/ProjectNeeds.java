package cn.linli.need;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.linli.platform.error.LinliException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Needs in projects (项目清单, cn.linli.project): a project of the community takes in triaged needs, and settles them
 * when it ends — resolved when it completes, back with the community when it is cancelled. Each step is a need step
 * like any other (lifecycle, timeline, audit, the household told). Joins the caller's transaction (no retry here:
 * the project's entry point retries); the caller has checked that the account is staff of the community.
 */
@Component
public class ProjectNeeds {

    private final NeedRepository needs;
    private final NeedMoves moves;

    ProjectNeeds(NeedRepository needs, NeedMoves moves) {
        this.needs = needs;
        this.moves = moves;
    }

    /**
     * Moves these needs into the project (each must be of the community and triaged): NOT_FOUND for an unknown need,
     * VALIDATION_FAILED on {@code field} for another community's, NEED_INVALID_TRANSITION for one not triaged.
     */
    @Transactional
    public Mono<List<Need>> link(long staffAccountId, long communityId, Collection<Long> needIds, String projectTitle,
                                 String field) {
        List<Long> ids = needIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return needs.lock(ids).thenMany(needs.byIds(ids)).collectList()
                .flatMapMany(found -> {
                    if (found.size() != ids.size()) {
                        return Flux.error(LinliException.notFound("需求"));
                    }
                    if (found.stream().anyMatch(need -> need.communityId() != communityId)) {
                        return Flux.error(LinliException.invalid(field, "只能关联本社区的需求"));
                    }
                    return Flux.fromIterable(found);
                })
                .concatMap(need -> moves.move(need, NeedAction.ADD_TO_PROJECT,
                        new NeedMoves.By(NeedActor.STAFF, staffAccountId), "纳入项目：" + projectTitle,
                        needs.transition(need.id(), NeedLifecycle.sourcesOf(NeedAction.ADD_TO_PROJECT),
                                NeedStatus.IN_PROJECT)))
                .collectList();
    }

    /** The project ended: its needs still in it are resolved (completed) or go back to the community (cancelled). */
    @Transactional
    public Mono<Void> settle(Collection<Long> needIds, boolean completed, String projectTitle) {
        NeedAction action = completed ? NeedAction.PROJECT_COMPLETED : NeedAction.PROJECT_CANCELLED;
        List<Long> ids = needIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return needs.lock(ids).thenMany(needs.byIds(ids))
                .filter(need -> need.status() == NeedStatus.IN_PROJECT)
                .concatMap(need -> moves.move(need, action, NeedMoves.By.system(),
                        "项目「" + projectTitle + "」",
                        needs.transition(need.id(), NeedLifecycle.sourcesOf(action),
                                NeedLifecycle.targetOf(action, need.status()))))
                .then();
    }

    /** Needs by id, for a project's page (the project decides what of them its viewers see). */
    public Mono<Map<Long, Need>> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : needs.byIds(ids).collectMap(Need::id);
    }
}
