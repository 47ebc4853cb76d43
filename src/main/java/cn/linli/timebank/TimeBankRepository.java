package cn.linli.timebank;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the ledger: rules, statements, the leaderboard and the reconciliation checks. */
@Repository
class TimeBankRepository {

    private final DatabaseClient db;

    TimeBankRepository(DatabaseClient db) {
        this.db = db;
    }

    record Rules(long communityId, int pointsPerHour, @Nullable Integer storageCap) {
    }

    Mono<Rules> rules(long communityId) {
        return db.sql("select points_per_hour, storage_cap from timebank_rule where community_id = :c")
                .bind("c", communityId)
                .map(row -> new Rules(communityId, row.get("points_per_hour", Integer.class),
                        row.get("storage_cap", Integer.class)))
                .one()
                .defaultIfEmpty(new Rules(communityId, 10, null));
    }

    Mono<Void> saveRules(long communityId, int pointsPerHour, @Nullable Integer storageCap) {
        var spec = db.sql("""
                insert into timebank_rule (community_id, points_per_hour, storage_cap) values (:c, :rate, :cap)
                on conflict (community_id) do update
                    set points_per_hour = excluded.points_per_hour, storage_cap = excluded.storage_cap, updated_at = now()
                """).bind("c", communityId).bind("rate", pointsPerHour);
        spec = storageCap == null ? spec.bindNull("cap", Integer.class) : spec.bind("cap", storageCap);
        return spec.then();
    }

    Flux<StatementEntry> statement(long timebankAccountId, PageRequest page) {
        var spec = db.sql("""
                        select e.id, e.amount, e.created_at, t.kind, t.description
                          from timebank_entry e join timebank_transaction t on t.id = e.transaction_id
                         where e.account_id = :account
                           and (cast(:afterTime as timestamptz) is null or (e.created_at, e.id) < (:afterTime, :afterId))
                         order by e.created_at desc, e.id desc limit :limit
                        """)
                .bind("account", timebankAccountId).bind("limit", page.limitPlusOne());
        var after = page.after();
        spec = after == null ? spec.bindNull("afterTime", Instant.class) : spec.bind("afterTime", after.createdAt());
        spec = after == null ? spec.bindNull("afterId", Long.class) : spec.bind("afterId", after.id());
        return spec.map(row -> new StatementEntry(row.get("id", Long.class), row.get("amount", Long.class),
                row.get("kind", String.class), row.get("description", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant())).all();
    }

    record Leader(long accountId, @Nullable String nickname, long minutes) {
    }

    /** Volunteer minutes per person earned in the community (order service and activities), most first. */
    Flux<Leader> leaderboard(long communityId, int limit) {
        // display names are read from account (identity) for listing only
        return db.sql("""
                        select a.owner_account_id, p.nickname, sum(t.minutes) as minutes
                          from timebank_transaction t
                          join timebank_entry e on e.transaction_id = t.id and e.amount > 0
                          join timebank_account a on a.id = e.account_id and a.kind = 'PERSON'
                          join account p on p.id = a.owner_account_id
                         where t.community_id = :c and t.kind in ('EARN_ORDER', 'EARN_VOLUNTEER')
                         group by a.owner_account_id, p.nickname
                         order by minutes desc, a.owner_account_id
                         limit :limit
                        """)
                .bind("c", communityId).bind("limit", limit)
                .map(row -> new Leader(row.get("owner_account_id", Long.class), row.get("nickname", String.class),
                        row.get("minutes", Long.class)))
                .all();
    }

    /** Every way the books can break; empty when they balance. */
    Mono<List<String>> reconciliationBreaks() {
        return db.sql("""
                        select 'account ' || a.id || ' balance ' || a.balance || ' but entries sum to ' || coalesce(s.total, 0)
                               as problem
                          from timebank_account a
                          left join (select account_id, sum(amount) as total from timebank_entry group by account_id) s
                                 on s.account_id = a.id
                         where a.balance <> coalesce(s.total, 0)
                        union all
                        select 'transaction ' || transaction_id || ' sums to ' || sum(amount)
                          from timebank_entry group by transaction_id having sum(amount) <> 0
                        union all
                        select 'transaction ' || t.id || ' has no entries'
                          from timebank_transaction t
                         where not exists (select 1 from timebank_entry e where e.transaction_id = t.id)
                        union all
                        select 'all balances sum to ' || sum(balance) from timebank_account having sum(balance) <> 0
                        union all
                        select 'account ' || id || ' (a person) is negative' from timebank_account
                         where kind = 'PERSON' and balance < 0
                        """)
                .map(row -> row.get("problem", String.class))
                .all()
                .collectList();
    }

    record Totals(long accounts, long transactions, long issued) {
    }

    Mono<Totals> totals(long communityId) {
        return db.sql("""
                        select (select count(*) from timebank_account) as accounts,
                               (select count(*) from timebank_transaction) as transactions,
                               coalesce((select -balance from timebank_account
                                          where kind = 'ISSUANCE' and community_id = :c), 0) as issued
                        """)
                .bind("c", communityId)
                .map(row -> new Totals(row.get("accounts", Long.class), row.get("transactions", Long.class),
                        row.get("issued", Long.class)))
                .one();
    }
}
