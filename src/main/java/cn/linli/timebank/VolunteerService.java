package cn.linli.timebank;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Volunteer activities: places guarded by the database, attendance that earns points once per volunteer. */
@Service
public class VolunteerService {

    private final VolunteerRepository activities;
    private final TimeBankService timeBank;
    private final TimeBankAccess access;

    VolunteerService(VolunteerRepository activities, TimeBankService timeBank, TimeBankAccess access) {
        this.activities = activities;
        this.timeBank = timeBank;
        this.access = access;
    }

    Mono<VolunteerActivity> create(Viewer viewer, VolunteerInputs.CreateVolunteerActivityInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            if (!input.endsAt().isAfter(input.startsAt())) {
                return Mono.error(LinliException.invalid("input.endsAt", "结束时间须晚于开始时间"));
            }
            return access.requireStaff(viewer, community)
                    .then(activities.insert(community, input, viewer.accountId()))
                    .flatMap(this::find);
        });
    }

    Mono<Connection<VolunteerActivity>> ofCommunity(String communityId, @Nullable Integer first, @Nullable String after) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            return activities.ofCommunity(community, page).collectList()
                    .map(rows -> Connection.of(rows, page, VolunteerActivity::position));
        });
    }

    /** Residents of the activity's community sign up; the last place goes to exactly one of them. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<VolunteerActivity> signUp(Viewer viewer, String activityId) {
        return Mono.defer(() -> {
            long id = Ids.parse(activityId, "input.activityId");
            return find(id)
                    .flatMap(activity -> access.requireMaySignUp(viewer, activity.communityId()))
                    .then(activities.insertSignup(id, viewer.accountId()))
                    .flatMap(inserted -> inserted ? activities.takePlace(id)
                            : Mono.error(new LinliException(ErrorCode.ALREADY_SIGNED_UP)))
                    .flatMap(taken -> taken ? find(id) : Mono.error(new LinliException(ErrorCode.ACTIVITY_FULL)));
        });
    }

    /** Staff record a volunteer's minutes; this earns the points, once. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<VolunteerSignup> recordAttendance(Viewer viewer, VolunteerInputs.RecordAttendanceInput input) {
        return Mono.defer(() -> {
            long id = Ids.parse(input.activityId(), "input.activityId");
            long volunteer = Ids.parse(input.accountId(), "input.accountId");
            return find(id).flatMap(activity -> access.requireStaff(viewer, activity.communityId())
                    .then(activities.recordAttendance(id, volunteer, input.minutes(), viewer.accountId()))
                    .flatMap(recorded -> recorded ? earn(activity, volunteer, input.minutes())
                            : Mono.error(new LinliException(ErrorCode.ATTENDANCE_ALREADY_RECORDED, "该志愿者未报名，或出勤已记录")))
                    .then(activities.signupsOfPerson(List.of(id), volunteer).next()));
        });
    }

    private Mono<Void> earn(VolunteerActivity activity, long volunteer, int minutes) {
        return timeBank.earnForVolunteering("volunteer:" + activity.id() + ":" + volunteer, activity.communityId(),
                volunteer, minutes, activity.pointsPerHour(), "参加志愿活动「" + activity.title() + "」" + minutes + " 分钟");
    }

    Mono<VolunteerActivity> find(long id) {
        return activities.byIds(List.of(id)).next().switchIfEmpty(Mono.error(() -> LinliException.notFound("志愿活动")));
    }

    /** Sign-ups per activity, for staff of its community only (others see null). */
    Mono<Map<Long, List<VolunteerSignup>>> signupsVisibleTo(Viewer viewer, List<VolunteerActivity> list) {
        return access.signupListsVisible(viewer).flatMap(visibleIn -> {
            List<Long> visible = list.stream().filter(a -> visibleIn.test(a.communityId()))
                    .map(VolunteerActivity::id).toList();
            if (visible.isEmpty()) {
                return Mono.just(Map.<Long, List<VolunteerSignup>>of());
            }
            return activities.signupsOf(visible).collect(Collectors.groupingBy(VolunteerSignup::activityId))
                    .map(groups -> visible.stream().collect(Collectors.toMap(id -> id, id -> groups.getOrDefault(id, List.of()))));
        });
    }

    Mono<Map<Long, VolunteerSignup>> mySignups(Viewer viewer, Collection<Long> activityIds) {
        return activities.signupsOfPerson(activityIds, viewer.accountId()).collectMap(VolunteerSignup::activityId);
    }
}
