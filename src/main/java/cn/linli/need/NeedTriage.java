package cn.linli.need;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.need.NeedInputs.SetNeedTriageRuleInput;
import cn.linli.need.NeedInputs.TriageNeedInput;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.timer.Timers;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * 五事分流: staff sort a need into a kind and level, which sets its due date from the community's rules (data). A
 * need that escalates when overdue gets a durable timer; a 大事 or 难事 goes onto the next joint meeting's agenda.
 * Re-triage is allowed while the community holds the need; the row lock makes two staff queue, each seeing the other.
 */
@Service
class NeedTriage {

    static final String ESCALATION = "NEED_ESCALATION";

    private final NeedRepository needs;
    private final MeetingRepository meetings;
    private final NeedPolicy policy;
    private final NeedMoves moves;
    private final NeedAgenda agenda;
    private final Timers timers;
    private final AuditLog audit;

    NeedTriage(NeedRepository needs, MeetingRepository meetings, NeedPolicy policy, NeedMoves moves, NeedAgenda agenda,
               Timers timers, AuditLog audit) {
        this.needs = needs;
        this.meetings = meetings;
        this.policy = policy;
        this.moves = moves;
        this.agenda = agenda;
        this.timers = timers;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Need> triage(Viewer viewer, TriageNeedInput input) {
        return Mono.defer(() -> lockedForStaff(viewer, Ids.parse(input.needId(), "input.needId")))
                .flatMap(need -> meetings.rules(need.communityId()).collectList()
                        .flatMap(rules -> triaged(viewer, need, input, rules)));
    }

    private Mono<Need> triaged(Viewer viewer, Need need, TriageNeedInput input, List<TriageRule> rules) {
        Instant due = TriageRules.dueAt(rules, input.kind(), input.level(), Instant.now());
        String note = input.kind().displayName() + " · " + input.level().displayName()
                + (input.note() == null ? "" : "：" + input.note());
        var by = new NeedMoves.By(NeedActor.STAFF, viewer.accountId());
        return moves.move(need, NeedAction.TRIAGE, by, note, needs.triage(need.id(),
                        NeedLifecycle.sourcesOf(NeedAction.TRIAGE), NeedLifecycle.targetOf(NeedAction.TRIAGE, need.status()),
                        input.kind(), input.level(), due))
                .flatMap(after -> TriageRules.escalates(input.kind(), input.level())
                        ? timers.schedule(ESCALATION, after.id(), due).thenReturn(after) : Mono.just(after))
                .flatMap(after -> input.kind().forMeeting() ? agenda.ontoNextMeeting(after, by) : Mono.just(after));
    }

    /** The need, locked, if the viewer is staff of its community (FORBIDDEN otherwise; NOT_FOUND if none). */
    Mono<Need> lockedForStaff(Viewer viewer, long needId) {
        return needs.find(needId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("需求")))
                .flatMap(need -> policy.asStaff(viewer, need.communityId()))
                .then(needs.lock(List.of(needId)))
                .then(Mono.defer(() -> needs.find(needId)));
    }

    /** The community's rules as staff see them: one per kind and level, its own where set, the default otherwise. */
    Mono<List<TriageRule>> rules(Viewer viewer, long communityId) {
        return policy.asStaff(viewer, communityId)
                .then(meetings.rules(communityId).collectList())
                .map(TriageRules::effective);
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<List<TriageRule>> setRule(Viewer viewer, SetNeedTriageRuleInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            long seconds = input.dueWithinHours() * 3600L;
            return policy.asStaff(viewer, community)
                    .then(meetings.rules(community).collectList())
                    .flatMap(before -> meetings.setRule(community, input.kind(), input.level(), seconds)
                            .flatMap(id -> audit.record(new AuditChange(viewer.accountId(), community,
                                    AuditSubject.NEED_TRIAGE_RULE, id, AuditAction.UPDATED,
                                    rule(TriageRules.applicable(before, input.kind(), input.level())),
                                    Map.of("kind", input.kind().name(), "level", input.level().name(),
                                            "dueWithinHours", input.dueWithinHours())))))
                    .then(meetings.rules(community).collectList())
                    .map(TriageRules::effective);
        });
    }

    private static Map<String, Object> rule(TriageRule rule) {
        return Map.of("kind", rule.kind().name(), "level", rule.level().name(),
                "dueWithinHours", rule.dueWithinSeconds() / 3600, "default", rule.communityId() == null);
    }
}
