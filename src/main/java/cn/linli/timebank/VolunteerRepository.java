package cn.linli.timebank;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;

import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class VolunteerRepository {

    private final DatabaseClient db;

    VolunteerRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long communityId, String title, @Nullable String description, String place, Instant startsAt,
                      Instant endsAt, int slots, int pointsPerHour, long createdBy) {
        var spec = db.sql("""
                insert into volunteer_activity (community_id, title, description, place, starts_at, ends_at, slots,
                                                points_per_hour, created_by)
                values (:community, :title, :description, :place, :starts, :ends, :slots, :rate, :by) returning id
                """).bind("community", communityId).bind("title", title).bind("place", place).bind("starts", startsAt)
                .bind("ends", endsAt).bind("slots", slots).bind("rate", pointsPerHour).bind("by", createdBy);
        spec = description == null ? spec.bindNull("description", String.class) : spec.bind("description", description);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    Flux<VolunteerActivity> byIds(Collection<Long> ids) {
        return db.sql("select * from volunteer_activity where id = any(:ids)").bind("ids", Ids.array(ids))
                .map(VolunteerRepository::activity).all();
    }

    Flux<VolunteerActivity> ofCommunity(long communityId, PageRequest page) {
        var spec = db.sql("""
                        select * from volunteer_activity where community_id = :community
                           and (cast(:afterTime as timestamptz) is null or (created_at, id) > (:afterTime, :afterId))
                         order by created_at, id limit :limit
                        """).bind("community", communityId).bind("limit", page.limitPlusOne());
        var after = page.after();
        spec = after == null ? spec.bindNull("afterTime", Instant.class) : spec.bind("afterTime", after.createdAt());
        spec = after == null ? spec.bindNull("afterId", Long.class) : spec.bind("afterId", after.id());
        return spec.map(VolunteerRepository::activity).all();
    }

    /** Takes a place: false when none is left or the activity has ended. */
    Mono<Boolean> takePlace(long activityId) {
        return db.sql("update volunteer_activity set signed_up = signed_up + 1 where id = :id and signed_up < slots"
                        + " and ends_at > now()")
                .bind("id", activityId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** False when the person had signed up before. */
    Mono<Boolean> insertSignup(long activityId, long accountId) {
        return db.sql("insert into volunteer_signup (activity_id, account_id) values (:a, :p) on conflict do nothing")
                .bind("a", activityId).bind("p", accountId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Records attendance once; false when there is no sign-up or it was recorded already. */
    Mono<Boolean> recordAttendance(long activityId, long accountId, int minutes, long recordedBy) {
        return db.sql("""
                        update volunteer_signup set attended_minutes = :m, recorded_by = :by
                         where activity_id = :a and account_id = :p and attended_minutes is null
                        """)
                .bind("m", minutes).bind("by", recordedBy).bind("a", activityId).bind("p", accountId)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Flux<VolunteerSignup> signupsOf(Collection<Long> activityIds) {
        // display names are read from account (identity) for listing only
        return db.sql("""
                        select s.activity_id, s.account_id, a.nickname, s.signed_up_at, s.attended_minutes
                          from volunteer_signup s join account a on a.id = s.account_id
                         where s.activity_id = any(:ids) order by s.signed_up_at, s.account_id
                        """)
                .bind("ids", Ids.array(activityIds)).map(VolunteerRepository::signup).all();
    }

    Flux<VolunteerSignup> signupsOfPerson(Collection<Long> activityIds, long accountId) {
        return db.sql("""
                        select s.activity_id, s.account_id, a.nickname, s.signed_up_at, s.attended_minutes
                          from volunteer_signup s join account a on a.id = s.account_id
                         where s.activity_id = any(:ids) and s.account_id = :p
                        """)
                .bind("ids", Ids.array(activityIds)).bind("p", accountId).map(VolunteerRepository::signup).all();
    }

    private static VolunteerActivity activity(Readable row) {
        return new VolunteerActivity(row.get("id", Long.class), row.get("community_id", Long.class),
                row.get("title", String.class), row.get("description", String.class), row.get("place", String.class),
                row.get("starts_at", OffsetDateTime.class).toInstant(), row.get("ends_at", OffsetDateTime.class).toInstant(),
                row.get("slots", Integer.class), row.get("signed_up", Integer.class), row.get("points_per_hour", Integer.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    private static VolunteerSignup signup(Readable row) {
        return new VolunteerSignup(row.get("activity_id", Long.class), row.get("account_id", Long.class),
                row.get("nickname", String.class), row.get("signed_up_at", OffsetDateTime.class).toInstant(),
                row.get("attended_minutes", Integer.class));
    }
}
