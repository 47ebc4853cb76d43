package cn.linli.timebank;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.linli.community.CommunityService;
import cn.linli.platform.db.TransactionRetry;
import cn.linli.platform.error.Check;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Volunteer activities: places guarded by the database, attendance that earns points once per volunteer. */
@Service
public class VolunteerService {

    private final VolunteerRepository activities;
    private final TimeBankService timeBank;
    private final CommunityService communities;
    private final TransactionalOperator transaction;

    VolunteerService(VolunteerRepository activities, TimeBankService timeBank, CommunityService communities,
                     TransactionalOperator transaction) {
        this.activities = activities;
        this.timeBank = timeBank;
        this.communities = communities;
        this.transaction = transaction;
    }

    record CreateVolunteerActivityInput(String communityId, String title, @Nullable String description, String place,
                                        Instant startsAt, Instant endsAt, int slots, int pointsPerHour) {
    }

    record RecordAttendanceInput(String activityId, String accountId, int minutes) {
    }

    Mono<VolunteerActivity> create(CreateVolunteerActivityInput input) {
        return Viewers.current().flatMap(viewer -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            String title = Check.text(input.title(), "input.title", "活动名称", 60);
            String description = Check.optionalText(input.description(), "input.description", "活动说明", 1000);
            String place = Check.text(input.place(), "input.place", "活动地点", 100);
            int slots = Check.range(input.slots(), "input.slots", "名额", 1, 1000);
            int rate = Check.range(input.pointsPerHour(), "input.pointsPerHour", "每小时积分", 1, 1000);
            if (!input.endsAt().isAfter(input.startsAt())) {
                throw LinliException.invalid("input.endsAt", "结束时间须晚于开始时间");
            }
            return communities.requireStaffOf(viewer, community)
                    .then(activities.insert(community, title, description, place, input.startsAt(), input.endsAt(), slots,
                            rate, viewer.accountId()))
                    .flatMap(this::find);
        });
    }

    Mono<Connection<VolunteerActivity>> ofCommunity(String communityId, @Nullable Integer first, @Nullable String after) {
        return Viewers.current().then(Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            return activities.ofCommunity(community, page).collectList()
                    .map(rows -> Connection.of(rows, page, VolunteerActivity::position));
        }));
    }

    /** Residents of the activity's community sign up; the last place goes to exactly one of them. */
    Mono<VolunteerActivity> signUp(String activityId) {
        return Viewers.current().flatMap(viewer -> {
            long id = Ids.parse(activityId, "input.activityId");
            return find(id).flatMap(activity -> communities.householdsOfAccounts(List.of(viewer.accountId()))
                    .flatMap(households -> households.getOrDefault(viewer.accountId(), List.of()).stream()
                            .anyMatch(h -> h.communityId() == activity.communityId()) ? Mono.just(activity)
                            : Mono.error(new LinliException(ErrorCode.FORBIDDEN, "只有本社区居民可以报名")))
                    .flatMap(allowed -> transaction.transactional(activities.insertSignup(id, viewer.accountId())
                                    .flatMap(inserted -> inserted ? activities.takePlace(id)
                                            : Mono.error(new LinliException(ErrorCode.ALREADY_SIGNED_UP)))
                                    .flatMap(taken -> taken ? find(id)
                                            : Mono.error(new LinliException(ErrorCode.ACTIVITY_FULL))))
                            .retryWhen(TransactionRetry.onConflict())));
        });
    }

    /** Staff record a volunteer's minutes; this earns the points, once. */
    Mono<VolunteerSignup> recordAttendance(RecordAttendanceInput input) {
        return Viewers.current().flatMap(viewer -> {
            long id = Ids.parse(input.activityId(), "input.activityId");
            long volunteer = Ids.parse(input.accountId(), "input.accountId");
            int minutes = Check.range(input.minutes(), "input.minutes", "服务时长（分钟）", 1, 1440);
            return find(id).flatMap(activity -> communities.requireStaffOf(viewer, activity.communityId())
                    .then(transaction.transactional(activities.recordAttendance(id, volunteer, minutes, viewer.accountId())
                                    .flatMap(recorded -> recorded
                                            ? timeBank.earnForVolunteering("volunteer:" + id + ":" + volunteer,
                                            activity.communityId(), volunteer, minutes, activity.pointsPerHour(),
                                            "参加志愿活动「" + activity.title() + "」" + minutes + " 分钟")
                                            : Mono.error(new LinliException(ErrorCode.ATTENDANCE_ALREADY_RECORDED,
                                            "该志愿者未报名，或出勤已记录")))
                                    .then(activities.signupsOfPerson(List.of(id), volunteer).next()))
                            .retryWhen(TransactionRetry.onConflict())));
        });
    }

    Mono<VolunteerActivity> find(long id) {
        return activities.byIds(List.of(id)).next().switchIfEmpty(Mono.error(() -> LinliException.notFound("志愿活动")));
    }

    /** Sign-ups per activity, for staff of its community only (others see null). */
    Mono<Map<Long, List<VolunteerSignup>>> signupsVisibleToViewer(List<VolunteerActivity> list) {
        return Viewers.current().flatMap(viewer -> communities.staffByAccounts(List.of(viewer.accountId())).flatMap(staff -> {
            Long staffCommunity = staff.containsKey(viewer.accountId()) ? staff.get(viewer.accountId()).communityId() : null;
            List<Long> visible = list.stream()
                    .filter(a -> viewer.has(cn.linli.platform.security.Role.ADMIN)
                            || (staffCommunity != null && staffCommunity == a.communityId()))
                    .map(VolunteerActivity::id).toList();
            if (visible.isEmpty()) {
                return Mono.just(Map.<Long, List<VolunteerSignup>>of());
            }
            return activities.signupsOf(visible).collect(Collectors.groupingBy(VolunteerSignup::activityId))
                    .map(groups -> visible.stream().collect(Collectors.toMap(id -> id, id -> groups.getOrDefault(id, List.of()))));
        }));
    }

    Mono<Map<Long, VolunteerSignup>> mySignups(Collection<Long> activityIds) {
        return Viewers.current().flatMap(viewer -> activities.signupsOfPerson(activityIds, viewer.accountId())
                .collectMap(VolunteerSignup::activityId));
    }
}
