package cn.linli.need;

import java.util.Collection;
import java.util.List;

import cn.linli.platform.db.Binds;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of a need's timeline ({@code need_event}) and supporters ({@code need_supporter}), and the few reads of who
 * is to hear about a need: its household's members and its street's staff.
 */
@Repository
class NeedEventRepository {

    private final DatabaseClient db;

    NeedEventRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> record(long needId, NeedAction action, NeedActor actor, @Nullable Long actorId,
                      @Nullable NeedStatus from, NeedStatus to, @Nullable String note) {
        return db.sql("""
                        insert into need_event (need_id, action, actor_kind, actor_id, from_status, to_status, note)
                        values (:need, :action, :actor, :actorId, :from, :to, :note)
                        """)
                .bind("need", needId).bind("action", action.name()).bind("actor", actor.name())
                .bind("actorId", Binds.nullable(actorId, Long.class))
                .bind("from", Binds.nullable(from == null ? null : from.name(), String.class))
                .bind("to", to.name())
                .bind("note", Binds.nullable(note, String.class))
                .then();
    }

    Flux<NeedEvent> timelines(Collection<Long> needIds) {
        return db.sql("""
                        select e.id, e.need_id, e.action, e.actor_kind, a.nickname as actor_name, e.from_status,
                               e.to_status, e.note, e.created_at
                          from need_event e left join account a on a.id = e.actor_id
                         where e.need_id = any(:ids)
                         order by e.need_id, e.id
                        """)
                .bind("ids", needIds.toArray(Long[]::new))
                .mapProperties(NeedEvent.class).all();
    }

    /** True when the household was not yet among the need's supporters. */
    Mono<Boolean> addSupporter(long needId, long householdId, @Nullable Long accountId) {
        return db.sql("""
                        insert into need_supporter (need_id, household_id, account_id) values (:need, :household, :account)
                        on conflict do nothing
                        """)
                .bind("need", needId).bind("household", householdId)
                .bind("account", Binds.nullable(accountId, Long.class))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The merged need's supporters back the need it was merged into too (a household counts once). */
    Mono<Long> copySupporters(long fromNeedId, long toNeedId) {
        return db.sql("""
                        insert into need_supporter (need_id, household_id, account_id, created_at)
                        select :to, household_id, account_id, created_at from need_supporter where need_id = :from
                        on conflict do nothing
                        """)
                .bind("from", fromNeedId).bind("to", toNeedId)
                .fetch().rowsUpdated();
    }

    /** Which of these needs the households already support. */
    Flux<Long> supportedAmong(Collection<Long> needIds, Collection<Long> householdIds) {
        return db.sql("select distinct need_id from need_supporter where need_id = any(:needs) and household_id = any(:households)")
                .bind("needs", needIds.toArray(Long[]::new)).bind("households", householdIds.toArray(Long[]::new))
                .map(r -> r.get("need_id", Long.class)).all();
    }

    /** The current (verified) members of the household: who hears about its needs. */
    Mono<List<Long>> householdMembers(long householdId) {
        return db.sql("select account_id from household_member where household_id = :household order by account_id")
                .bind("household", householdId)
                .map(r -> r.get("account_id", Long.class)).all().collectList();
    }

    /** Street staff (街道工作人员) of the street the community belongs to. */
    Mono<List<Long>> streetStaffOf(long communityId) {
        return db.sql("""
                        select s.account_id from street_staff s join community c on c.street_id = s.street_id
                         where c.id = :community order by s.account_id
                        """)
                .bind("community", communityId)
                .map(r -> r.get("account_id", Long.class)).all().collectList();
    }

    /** An estate or building (by table), with its community and whether it is retired. */
    record PlaceRow(long id, long communityId, @Nullable Long estateId, boolean retired) {
    }

    Mono<PlaceRow> estate(long id) {
        return db.sql("select id, community_id, null::bigint as estate_id, retired_at is not null as retired from estate where id = :id")
                .bind("id", id).mapProperties(PlaceRow.class).one();
    }

    Mono<PlaceRow> building(long id) {
        return db.sql("select id, community_id, estate_id, retired_at is not null as retired from building where id = :id")
                .bind("id", id).mapProperties(PlaceRow.class).one();
    }

    /** The street the account is street staff of, if any. */
    Mono<Long> streetOf(long accountId) {
        return db.sql("select street_id from street_staff where account_id = :account").bind("account", accountId)
                .map(r -> r.get("street_id", Long.class)).one();
    }
}
