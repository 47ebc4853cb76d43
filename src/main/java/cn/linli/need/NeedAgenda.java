package cn.linli.need;

import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.need.NeedInputs.AddNeedToAgendaInput;
import cn.linli.need.NeedInputs.CreateNeedMeetingInput;
import cn.linli.need.NeedInputs.RecordAgendaResolutionInput;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * 联席会议: staff schedule joint meetings; a 大事 or 难事 goes onto the next one's agenda when triaged (or staff add a
 * triaged need by hand), and the meeting's resolution of each item moves the need on: resolved, escalated to the
 * street, or back to the community with the resolution as a note. An item is decided once.
 */
@Service
class NeedAgenda {

    private final NeedRepository needs;
    private final MeetingRepository meetings;
    private final NeedPolicy policy;
    private final NeedMoves moves;
    private final NeedNotices notices;
    private final AuditLog audit;

    NeedAgenda(NeedRepository needs, MeetingRepository meetings, NeedPolicy policy, NeedMoves moves,
               NeedNotices notices, AuditLog audit) {
        this.needs = needs;
        this.meetings = meetings;
        this.policy = policy;
        this.moves = moves;
        this.notices = notices;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<NeedMeeting> createMeeting(Viewer viewer, CreateNeedMeetingInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            return policy.asStaff(viewer, community)
                    .then(meetings.insert(community, input.title(), input.meetsOn(), viewer.accountId()))
                    .flatMap(meeting -> audit.record(new AuditChange(viewer.accountId(), community,
                                    AuditSubject.NEED_MEETING, meeting.id(), AuditAction.CREATED, null,
                                    Map.of("title", meeting.title(), "meetsOn", meeting.meetsOn().toString())))
                            .thenReturn(meeting));
        });
    }

    /** Joins the triage's transaction: onto the next meeting if one is scheduled, else it waits for staff to add it. */
    Mono<Need> ontoNextMeeting(Need need, NeedMoves.By by) {
        return meetings.next(need.communityId())
                .flatMap(meeting -> onto(need, meeting, by))
                .defaultIfEmpty(need);
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Need> addToAgenda(Viewer viewer, AddNeedToAgendaInput input) {
        return Mono.defer(() -> meeting(Ids.parse(input.meetingId(), "input.meetingId")))
                .flatMap(meeting -> lockedOf(viewer, Ids.parse(input.needId(), "input.needId"), meeting)
                        .flatMap(need -> onto(need, meeting, new NeedMoves.By(NeedActor.STAFF, viewer.accountId()))));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Need> recordResolution(Viewer viewer, RecordAgendaResolutionInput input) {
        return Mono.defer(() -> meeting(Ids.parse(input.meetingId(), "input.meetingId")))
                .flatMap(meeting -> lockedOf(viewer, Ids.parse(input.needId(), "input.needId"), meeting)
                        .flatMap(need -> decided(viewer, meeting, need, input)));
    }

    private Mono<Need> decided(Viewer viewer, NeedMeeting meeting, Need need, RecordAgendaResolutionInput input) {
        if (need.meetingId() == null || need.meetingId() != meeting.id()) {
            return Mono.error(LinliException.invalid("input.needId", "该需求不在本次会议的议程上"));
        }
        NeedAction action = input.outcome().action();
        NeedStatus from = need.status();
        NeedStatus to = NeedLifecycle.check(action, from, NeedActor.STAFF);
        var by = new NeedMoves.By(NeedActor.STAFF, viewer.accountId());
        Mono<Need> update = to == NeedStatus.ESCALATED
                ? needs.escalate(need.id(), NeedLifecycle.sourcesOf(action), to)
                : needs.transition(need.id(), NeedLifecycle.sourcesOf(action), to);
        return meetings.decide(meeting.id(), need.id(), input.outcome(), input.resolution(), viewer.accountId())
                .switchIfEmpty(Mono.error(() -> NeedLifecycle.invalidTransition(from)))
                .then(moves.move(need, action, by, input.resolution(), update))
                .flatMap(after -> to == NeedStatus.ESCALATED ? notices.escalated(after).thenReturn(after)
                        : Mono.just(after));
    }

    private Mono<Need> onto(Need need, NeedMeeting meeting, NeedMoves.By by) {
        String note = meeting.title() + "（" + meeting.meetsOn() + "）";
        return moves.move(need, NeedAction.PUT_ON_AGENDA, by, note, meetings.addItem(meeting.id(), need.id())
                .then(needs.putOnAgenda(need.id(), NeedLifecycle.sourcesOf(NeedAction.PUT_ON_AGENDA),
                        NeedStatus.ON_AGENDA, meeting.id())));
    }

    /** The need, locked, if the viewer is staff of its community and the meeting is of the same community. */
    private Mono<Need> lockedOf(Viewer viewer, long needId, NeedMeeting meeting) {
        return needs.find(needId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("需求")))
                .flatMap(need -> policy.asStaff(viewer, need.communityId())
                        .then(need.communityId() != meeting.communityId()
                                ? Mono.error(LinliException.invalid("input.meetingId", "只能列入本社区的联席会议"))
                                : Mono.empty()))
                .then(needs.lock(java.util.List.of(needId)))
                .then(Mono.defer(() -> needs.find(needId)));
    }

    private Mono<NeedMeeting> meeting(long id) {
        return meetings.find(id).switchIfEmpty(Mono.error(() -> LinliException.notFound("会议")));
    }
}
