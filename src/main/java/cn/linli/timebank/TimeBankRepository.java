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

    record Rules(long communityId, int pointsPerHour, @Nullable Integer storageCap, @Nullable Integer expiryMonths) {
    }

    Mono<Rules> rules(long communityId) {
        return db.sql("select points_per_hour, storage_cap, expiry_months from timebank_rule where community_id = :c")
                .bind("c", communityId)
                .map(row -> new Rules(communityId, row.get("points_per_hour", Integer.class),
                        row.get("storage_cap", Integer.class), row.get("expiry_months", Integer.class)))
                .one()
                .defaultIfEmpty(new Rules(communityId, 10, null, null));
    }

    Mono<Void> saveRules(long communityId, int pointsPerHour, @Nullable Integer storageCap, @Nullable Integer expiryMonths) {
        var spec = db.sql("""
                insert into timebank_rule (community_id, points_per_hour, storage_cap, expiry_months)
                values (:c, :rate, :cap, :expiry)
                on conflict (community_id) do update
                    set points_per_hour = excluded.points_per_hour, storage_cap = excluded.storage_cap,
                        expiry_months = excluded.expiry_months, updated_at = now()
                """).bind("c", communityId).bind("rate", pointsPerHour);
        spec = storageCap == null ? spec.bindNull("cap", Integer.class) : spec.bind("cap", storageCap);
        spec = expiryMonths == null ? spec.bindNull("expiry", Integer.class) : spec.bind("expiry", expiryMonths);
        return spec.then();
    }

    record Earning(long transactionId, long communityId, long ledgerAccountId, long amount, Instant at) {
    }

    /** The person credited by an earning transaction, and by how much. */
    Mono<Earning> earning(long transactionId) {
        return db.sql("""
                        select t.id, t.community_id, e.account_id, e.amount, t.created_at
                          from timebank_transaction t
                          join timebank_entry e on e.transaction_id = t.id and e.amount > 0
                          join timebank_account a on a.id = e.account_id and a.kind = 'PERSON'
                         where t.id = :id
                        """)
                .bind("id", transactionId)
                .map(row -> new Earning(row.get("id", Long.class), row.get("community_id", Long.class),
                        row.get("account_id", Long.class), row.get("amount", Long.class),
                        row.get("created_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /**
     * What is left of an earning when points are spent oldest first: the balance is made of the newest credits, so
     * the earning still holds {@code balance − credits since}, between zero and what it brought in.
     */
    Mono<Long> remainingOf(Earning earning) {
        return db.sql("""
                        select greatest(0, least(:amount,
                               (select balance from timebank_account where id = :account)
                               - coalesce((select sum(amount) from timebank_entry
                                            where account_id = :account and amount > 0 and transaction_id > :tx), 0)))
                               as remaining
                        """)
                .bind("amount", earning.amount()).bind("account", earning.ledgerAccountId()).bind("tx", earning.transactionId())
                .map(row -> row.get("remaining", Long.class)).one();
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
