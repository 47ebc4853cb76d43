package cn.linli.timebank;

import java.time.Instant;
import java.util.List;

import cn.linli.platform.db.Binds;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rules, earnings, statements, the leaderboard and the reconciliation checks. */
@Repository
class TimeBankRepository {

    private final DatabaseClient db;

    TimeBankRepository(DatabaseClient db) {
        this.db = db;
    }

    record Rules(long communityId, int pointsPerHour, @Nullable Integer storageCap, @Nullable Integer expiryMonths) {
    }

    /** The community's rules; a community that never set any earns 10 points an hour, without cap or expiry. */
    Mono<Rules> rules(long communityId) {
        return db.sql("""
                        select community_id, points_per_hour, storage_cap, expiry_months
                          from timebank_rule where community_id = :c
                        """)
                .bind("c", communityId).mapProperties(Rules.class).one()
                .defaultIfEmpty(new Rules(communityId, 10, null, null));
    }

    Mono<Void> saveRules(Rules rules) {
        return db.sql("""
                        insert into timebank_rule (community_id, points_per_hour, storage_cap, expiry_months)
                        values (:c, :rate, :cap, :expiry)
                        on conflict (community_id) do update
                            set points_per_hour = excluded.points_per_hour, storage_cap = excluded.storage_cap,
                                expiry_months = excluded.expiry_months, updated_at = now()
                        """)
                .bind("c", rules.communityId()).bind("rate", rules.pointsPerHour())
                .bind("cap", Binds.nullable(rules.storageCap(), Integer.class))
                .bind("expiry", Binds.nullable(rules.expiryMonths(), Integer.class))
                .then();
    }

    record Earning(long transactionId, long communityId, long ledgerAccountId, long amount, Instant at) {
    }

    /** The person credited by an earning transaction, and by how much. */
    Mono<Earning> earning(long transactionId) {
        return db.sql("""
                        select t.id as transaction_id, t.community_id, e.account_id as ledger_account_id, e.amount,
                               t.created_at as at
                          from timebank_transaction t
                          join timebank_entry e on e.transaction_id = t.id and e.amount > 0
                          join timebank_account a on a.id = e.account_id and a.kind = :person
                         where t.id = :id
                        """)
                .bind("id", transactionId).bind("person", AccountKind.PERSON.name())
                .mapProperties(Earning.class).one();
    }

    record Holding(long balance, long creditedSince) {
    }

    /** The account's balance now, and what was credited to it after the given transaction. */
    Mono<Holding> holdingAfter(long ledgerAccountId, long transactionId) {
        return db.sql("""
                        select (select balance from timebank_account where id = :account) as balance,
                               coalesce((select sum(amount) from timebank_entry
                                          where account_id = :account and amount > 0 and transaction_id > :tx), 0)::bigint
                               as credited_since
                        """)
                .bind("account", ledgerAccountId).bind("tx", transactionId)
                .mapProperties(Holding.class).one();
    }

    Flux<StatementEntry> statement(long ledgerAccountId, PageRequest page) {
        return page.bind(db.sql("""
                        select e.id, e.amount as points, t.kind, t.description, e.created_at as at
                          from timebank_entry e join timebank_transaction t on t.id = e.transaction_id
                         where e.account_id = :account and %s
                         order by e.created_at desc, e.id desc limit :limit
                        """.formatted(PageRequest.before("e.")))
                        .bind("account", ledgerAccountId))
                .mapProperties(StatementEntry.class).all();
    }

    record Leader(long ownerAccountId, @Nullable String nickname, long minutes) {
    }

    /** Volunteer minutes per person earned in the community (order service and activities), most first. */
    Flux<Leader> leaderboard(long communityId, int limit) {
        // display names are read from account (identity) for listing only
        return db.sql("""
                        select a.owner_account_id, p.nickname, sum(t.minutes) as minutes
                          from timebank_transaction t
                          join timebank_entry e on e.transaction_id = t.id and e.amount > 0
                          join timebank_account a on a.id = e.account_id and a.kind = :person
                          join account p on p.id = a.owner_account_id
                         where t.community_id = :c and t.kind = any(:kinds)
                         group by a.owner_account_id, p.nickname
                         order by minutes desc, a.owner_account_id
                         limit :limit
                        """)
                .bind("c", communityId).bind("limit", limit).bind("person", AccountKind.PERSON.name())
                .bind("kinds", MovementKind.names(MovementKind.SERVICE))
                .mapProperties(Leader.class).all();
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
                         where kind = :person and balance < 0
                        """)
                .bind("person", AccountKind.PERSON.name())
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
                                          where kind = :issuance and community_id = :c), 0) as issued
                        """)
                .bind("c", communityId).bind("issuance", AccountKind.ISSUANCE.name())
                .mapProperties(Totals.class).one();
    }
}
