package cn.linli.need;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One step of a need, the same way for every flow: ask the lifecycle, run the step's conditional update, and inside
 * the same transaction record it on the timeline, audit it when staff took it, and tell the household.
 */
@Component
class NeedMoves {

    /** Who takes the step: the kind of actor, and their account (null for the system). */
    record By(NeedActor kind, @Nullable Long accountId) {
        static By system() {
            return new By(NeedActor.SYSTEM, null);
        }
    }

    private final NeedRepository needs;
    private final NeedEventRepository events;
    private final NeedNotices notices;
    private final AuditLog audit;

    NeedMoves(NeedRepository needs, NeedEventRepository events, NeedNotices notices, AuditLog audit) {
        this.needs = needs;
        this.events = events;
        this.notices = notices;
        this.audit = audit;
    }

    /**
     * Checks the action against the lifecycle, runs {@code update} (empty when the database's guard refused: another
     * change got there first, and the caller hears where the need stands now) and records the step.
     */
    Mono<Need> move(Need before, NeedAction action, By by, @Nullable String note, Mono<Need> update) {
        return Mono.defer(() -> {
            NeedLifecycle.check(action, before.status(), by.kind());
            return update.switchIfEmpty(Mono.defer(() -> lostRace(before.id())))
                    .flatMap(after -> recorded(before, after, action, by, note));
        });
    }

    /**
     * Records a step that happened (also for steps that keep the status, like SUPPORT or ABSORB). The household hears
     * of every step but residents' own (a submission, a neighbour's +1).
     */
    Mono<Need> recorded(@Nullable Need before, Need after, NeedAction action, By by, @Nullable String note) {
        return events.record(after.id(), action, by.kind(), by.accountId(), before == null ? null : before.status(),
                        after.status(), note)
                .then(audited(before, after, action, by))
                .then(by.kind() == NeedActor.RESIDENT ? Mono.empty() : notices.changed(after, action, note))
                .thenReturn(after);
    }

    private Mono<Void> audited(@Nullable Need before, Need after, NeedAction action, By by) {
        if (by.accountId() == null || by.kind() == NeedActor.RESIDENT) {
            return Mono.empty();
        }
        return audit.record(new AuditChange(by.accountId(), after.communityId(), AuditSubject.NEED, after.id(),
                auditAction(action), before == null ? null : summary(before), summary(after)));
    }

    private Mono<Need> lostRace(long needId) {
        return needs.find(needId).flatMap(now -> Mono.error(NeedLifecycle.invalidTransition(now.status())));
    }

    static AuditAction auditAction(NeedAction action) {
        return switch (action) {
            case SUBMIT, COLLECT -> AuditAction.CREATED;
            case TRIAGE -> AuditAction.TRIAGED;
            case MERGE -> AuditAction.MERGED;
            case ORDER -> AuditAction.ORDERED;
            case ESCALATE, MEETING_ESCALATED -> AuditAction.ESCALATED;
            case MEETING_RESOLVED, MEETING_REOPENED -> AuditAction.AGENDA_DECIDED;
            case RESOLVE, ORDER_CONFIRMED, PROJECT_COMPLETED -> AuditAction.RESOLVED;
            case SUPPORT, ABSORB, PUT_ON_AGENDA, ORDER_CANCELLED, ADD_TO_PROJECT, PROJECT_CANCELLED -> AuditAction.UPDATED;
        };
    }

    /** What the audit keeps of a need: its state, never the resident's text or photos. */
    static Map<String, Object> summary(Need need) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", need.status().name());
        summary.put("householdId", need.householdId());
        if (need.kind() != null) {
            summary.put("kind", need.kind().name());
        }
        if (need.level() != null) {
            summary.put("level", need.level().name());
        }
        if (need.dueAt() != null) {
            summary.put("dueAt", need.dueAt().toString());
        }
        if (need.mergedInto() != null) {
            summary.put("mergedInto", need.mergedInto());
        }
        if (need.orderId() != null) {
            summary.put("orderId", need.orderId());
        }
        if (need.meetingId() != null) {
            summary.put("meetingId", need.meetingId());
        }
        return summary;
    }
}
