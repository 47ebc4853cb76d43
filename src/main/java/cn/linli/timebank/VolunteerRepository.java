package cn.linli.timebank;

import java.util.Collection;

import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class VolunteerRepository {

    private static final String SIGNUP_COLUMNS = """
            select s.activity_id, s.account_id, a.nickname, s.signed_up_at, s.attended_minutes
              from volunteer_signup s join account a on a.id = s.account_id
            """;

    private final DatabaseClient db;

    VolunteerRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long communityId, VolunteerInputs.CreateVolunteerActivityInput input, long createdBy) {
        return db.sql("""
                        insert into volunteer_activity (community_id, title, description, place, starts_at, ends_at, slots,
                                                        points_per_hour, created_by)
                        values (:community, :title, :description, :place, :starts, :ends, :slots, :rate, :by) returning id
                        """)
                .bind("community", communityId).bind("title", input.title())
                .bind("description", Binds.nullable(input.description(), String.class)).bind("place", input.place())
                .bind("starts", input.startsAt()).bind("ends", input.endsAt()).bind("slots", input.slots())
                .bind("rate", input.pointsPerHour()).bind("by", createdBy)
                .map(row -> row.get("id", Long.class)).one();
    }

    Flux<VolunteerActivity> byIds(Collection<Long> ids) {
        return db.sql("select * from volunteer_activity where id = any(:ids)").bind("ids", Ids.array(ids))
                .mapProperties(VolunteerActivity.class).all();
    }

    Flux<VolunteerActivity> ofCommunity(long communityId, PageRequest page) {
        return page.bind(db.sql("""
                                select * from volunteer_activity where community_id = :community and %s
                                 order by created_at, id limit :limit
                                """.formatted(PageRequest.after("")))
                        .bind("community", communityId))
                .mapProperties(VolunteerActivity.class).all();
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
        return db.sql(SIGNUP_COLUMNS + " where s.activity_id = any(:ids) order by s.signed_up_at, s.account_id")
                .bind("ids", Ids.array(activityIds)).mapProperties(VolunteerSignup.class).all();
    }

    Flux<VolunteerSignup> signupsOfPerson(Collection<Long> activityIds, long accountId) {
        return db.sql(SIGNUP_COLUMNS + " where s.activity_id = any(:ids) and s.account_id = :p")
                .bind("ids", Ids.array(activityIds)).bind("p", accountId).mapProperties(VolunteerSignup.class).all();
    }
}
