package cn.linli.timebank;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The double-entry ledger. {@link #post} runs inside the caller's transaction: it records the transaction under its
 * idempotency key (a replay returns the first posting), moves each balance by a conditional update (a person's
 * balance that would go negative fails the whole posting with {@code INSUFFICIENT_POINTS}), and appends the entries.
 * The database refuses a transaction whose entries do not sum to zero, and any change to an entry.
 */
@Component
class Ledger {

    /** One leg of a transaction: positive credits the account, negative debits it. */
    record Leg(long accountId, long amount) {
    }

    /** What to post. {@code requestFingerprint} tells a replay (same) from a reused key (different). */
    record Posting(String kind, String idempotencyKey, String requestFingerprint, @Nullable Long communityId,
                   @Nullable Long actorId, String description, @Nullable Integer minutes, @Nullable String reference,
                   List<Leg> legs) {
    }

    /** The posted transaction's id, and whether this call posted it (false: a replay of an earlier call). */
    record Posted(long transactionId, boolean fresh) {
    }

    private final DatabaseClient db;

    Ledger(DatabaseClient db) {
        this.db = db;
    }

    Mono<Posted> post(Posting posting) {
        long sum = posting.legs().stream().mapToLong(Leg::amount).sum();
        if (sum != 0 || posting.legs().stream().anyMatch(leg -> leg.amount() == 0)) {
            return Mono.error(new IllegalArgumentException("unbalanced posting " + posting.kind()));
        }
        String hash = IdempotencyKeys.sha256(posting.requestFingerprint());
        var insert = db.sql("""
                        insert into timebank_transaction (kind, idempotency_key, request_hash, community_id, actor_id,
                                                          description, minutes, reference)
                        values (:kind, :key, :hash, :community, :actor, :description, :minutes, :reference)
                        on conflict (idempotency_key) do nothing
                        returning id
                        """)
                .bind("kind", posting.kind()).bind("key", posting.idempotencyKey()).bind("hash", hash)
                .bind("description", posting.description());
        insert = bindLong(insert, "community", posting.communityId());
        insert = bindLong(insert, "actor", posting.actorId());
        insert = posting.minutes() == null ? insert.bindNull("minutes", Integer.class) : insert.bind("minutes", posting.minutes());
        insert = posting.reference() == null ? insert.bindNull("reference", String.class)
                : insert.bind("reference", posting.reference());
        return insert.map(row -> row.get("id", Long.class)).one()
                .flatMap(id -> moveBalances(id, posting.legs()).thenReturn(new Posted(id, true)))
                .switchIfEmpty(Mono.defer(() -> replay(posting.idempotencyKey(), hash)));
    }

    private Mono<Posted> replay(String key, String hash) {
        return db.sql("select id, request_hash from timebank_transaction where idempotency_key = :key")
                .bind("key", key)
                .map(row -> new String[] {String.valueOf(row.get("id", Long.class)), row.get("request_hash", String.class)})
                .one()
                .flatMap(found -> hash.equals(found[1]) ? Mono.just(new Posted(Long.parseLong(found[0]), false))
                        : Mono.error(new LinliException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        ErrorCode.IDEMPOTENCY_KEY_REUSED.defaultMessage(), Map.of("field", "input.idempotencyKey"), null)));
    }

    /** Accounts in id order, so two postings never lock the same accounts in opposite orders. */
    private Mono<Void> moveBalances(long transactionId, List<Leg> legs) {
        return Flux.fromIterable(legs.stream().sorted(Comparator.comparingLong(Leg::accountId)).toList())
                .concatMap(leg -> db.sql("""
                                update timebank_account set balance = balance + :amount
                                 where id = :id and (kind = 'ISSUANCE' or balance + :amount >= 0)
                                """)
                        .bind("amount", leg.amount()).bind("id", leg.accountId())
                        .fetch().rowsUpdated()
                        .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                                : Mono.error(new LinliException(ErrorCode.INSUFFICIENT_POINTS)))
                        .then(db.sql("insert into timebank_entry (transaction_id, account_id, amount) values (:t, :a, :n)")
                                .bind("t", transactionId).bind("a", leg.accountId()).bind("n", leg.amount()).then()))
                .then();
    }

    // ---- accounts ----

    /** The person's account, created on first use. */
    Mono<Long> personAccount(long accountId) {
        return db.sql("""
                        with created as (
                            insert into timebank_account (kind, owner_account_id) values ('PERSON', :owner)
                            on conflict (owner_account_id) where kind = 'PERSON' do nothing returning id
                        )
                        select id from created
                        union all
                        select id from timebank_account where kind = 'PERSON' and owner_account_id = :owner
                        """)
                .bind("owner", accountId).map(row -> row.get("id", Long.class)).first()
                // a concurrent first use created it after this statement's snapshot: read it again
                .switchIfEmpty(Mono.defer(() -> db.sql(
                                "select id from timebank_account where kind = 'PERSON' and owner_account_id = :owner")
                        .bind("owner", accountId).map(row -> row.get("id", Long.class)).one()));
    }

    /** A community's system account (ISSUANCE, REDEMPTION, POOL, ESCROW), created on first use. */
    Mono<Long> systemAccount(long communityId, String kind) {
        return db.sql("""
                        with created as (
                            insert into timebank_account (kind, community_id) values (:kind, :community)
                            on conflict (community_id, kind) where kind not in ('PERSON', 'PARTNER') do nothing returning id
                        )
                        select id from created
                        union all
                        select id from timebank_account where kind = :kind and community_id = :community
                        """)
                .bind("kind", kind).bind("community", communityId).map(row -> row.get("id", Long.class)).first()
                .switchIfEmpty(Mono.defer(() -> db.sql(
                                "select id from timebank_account where kind = :kind and community_id = :community")
                        .bind("kind", kind).bind("community", communityId).map(row -> row.get("id", Long.class)).one()));
    }

    /** A partner organisation's account, created on first use. */
    Mono<Long> partnerAccount(long partnerId) {
        return db.sql("""
                        with created as (
                            insert into timebank_account (kind, partner_id) values ('PARTNER', :partner)
                            on conflict (partner_id) where kind = 'PARTNER' do nothing returning id
                        )
                        select id from created
                        union all
                        select id from timebank_account where kind = 'PARTNER' and partner_id = :partner
                        """)
                .bind("partner", partnerId).map(row -> row.get("id", Long.class)).first()
                .switchIfEmpty(Mono.defer(() -> db.sql(
                                "select id from timebank_account where kind = 'PARTNER' and partner_id = :partner")
                        .bind("partner", partnerId).map(row -> row.get("id", Long.class)).one()));
    }

    /** Balances of partner organisations (0 for those without an account yet). */
    Flux<long[]> partnerBalances(java.util.Collection<Long> partnerIds) {
        return db.sql("select partner_id, balance from timebank_account where kind = 'PARTNER' and partner_id = any(:ids)")
                .bind("ids", cn.linli.platform.graphql.Ids.array(partnerIds))
                .map(row -> new long[] {row.get("partner_id", Long.class), row.get("balance", Long.class)})
                .all();
    }

    Mono<Long> balance(long timebankAccountId) {
        return db.sql("select balance from timebank_account where id = :id").bind("id", timebankAccountId)
                .map(row -> row.get("balance", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindLong(DatabaseClient.GenericExecuteSpec spec, String name,
                                                              @Nullable Long value) {
        return value == null ? spec.bindNull(name, Long.class) : spec.bind(name, value);
    }

}
