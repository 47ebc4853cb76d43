package cn.linli.timebank;

import java.util.Collection;

import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ledger's SQL: transactions, entries, balances and accounts. Account kinds are bound from {@link AccountKind};
 * the literal kinds left in {@code on conflict} clauses name the partial unique indexes, which PostgreSQL can only
 * infer from a constant predicate.
 */
@Repository
class LedgerRepository {

    private final DatabaseClient db;

    LedgerRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Records the transaction under its key; empty when the key was posted before. */
    Mono<Long> insertTransaction(Ledger.Posting posting, String requestHash) {
        return db.sql("""
                        insert into timebank_transaction (kind, idempotency_key, request_hash, community_id, actor_id,
                                                          description, minutes, reference)
                        values (:kind, :key, :hash, :community, :actor, :description, :minutes, :reference)
                        on conflict (idempotency_key) do nothing
                        returning id
                        """)
                .bind("kind", posting.kind().name()).bind("key", posting.idempotencyKey()).bind("hash", requestHash)
                .bind("description", posting.description())
                .bind("community", Binds.nullable(posting.communityId(), Long.class))
                .bind("actor", Binds.nullable(posting.actorId(), Long.class))
                .bind("minutes", Binds.nullable(posting.minutes(), Integer.class))
                .bind("reference", Binds.nullable(posting.reference(), String.class))
                .map(row -> row.get("id", Long.class)).one();
    }

    record PastTransaction(long id, String requestHash) {
    }

    Mono<PastTransaction> transactionByKey(String key) {
        return db.sql("select id, request_hash from timebank_transaction where idempotency_key = :key")
                .bind("key", key).mapProperties(PastTransaction.class).one();
    }

    /** Moves a balance; false when it would take an account that may not go negative below zero. */
    Mono<Boolean> moveBalance(long accountId, long amount) {
        return db.sql("""
                        update timebank_account set balance = balance + :amount
                         where id = :id and (kind = any(:mayGoNegative) or balance + :amount >= 0)
                        """)
                .bind("amount", amount).bind("id", accountId).bind("mayGoNegative", NEGATIVE_ALLOWED)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private static final String[] NEGATIVE_ALLOWED = java.util.Arrays.stream(AccountKind.values())
            .filter(AccountKind::mayGoNegative).map(Enum::name).toArray(String[]::new);

    Mono<Void> insertEntry(long transactionId, long accountId, long amount) {
        return db.sql("insert into timebank_entry (transaction_id, account_id, amount) values (:t, :a, :n)")
                .bind("t", transactionId).bind("a", accountId).bind("n", amount).then();
    }

    Mono<Long> balance(long ledgerAccountId) {
        return db.sql("select balance from timebank_account where id = :id").bind("id", ledgerAccountId)
                .map(row -> row.get("balance", Long.class)).one();
    }

    record PartnerBalance(long partnerId, long balance) {
    }

    Flux<PartnerBalance> partnerBalances(Collection<Long> partnerIds) {
        return db.sql("select partner_id, balance from timebank_account where kind = :kind and partner_id = any(:ids)")
                .bind("kind", AccountKind.PARTNER.name()).bind("ids", Ids.array(partnerIds))
                .mapProperties(PartnerBalance.class).all();
    }

    // ---- accounts, created on first use: insert-or-read, then read again if a concurrent first use won ----

    Mono<Long> personAccount(long accountId) {
        return db.sql("""
                        with created as (
                            insert into timebank_account (kind, owner_account_id) values (:kind, :owner)
                            on conflict (owner_account_id) where kind = 'PERSON' do nothing returning id
                        )
                        select id from created
                        union all
                        select id from timebank_account where kind = :kind and owner_account_id = :owner
                        """)
                .bind("kind", AccountKind.PERSON.name()).bind("owner", accountId)
                .map(row -> row.get("id", Long.class)).first()
                .switchIfEmpty(Mono.defer(() -> accountOf(AccountKind.PERSON, "owner_account_id", accountId)));
    }

    Mono<Long> systemAccount(long communityId, AccountKind kind) {
        if (!kind.isCommunityAccount()) {
            return Mono.error(new IllegalArgumentException(kind + " is not a community account"));
        }
        return db.sql("""
                        with created as (
                            insert into timebank_account (kind, community_id) values (:kind, :community)
                            on conflict (community_id, kind) where kind not in ('PERSON', 'PARTNER') do nothing returning id
                        )
                        select id from created
                        union all
                        select id from timebank_account where kind = :kind and community_id = :community
                        """)
                .bind("kind", kind.name()).bind("community", communityId).map(row -> row.get("id", Long.class)).first()
                .switchIfEmpty(Mono.defer(() -> accountOf(kind, "community_id", communityId)));
    }

    Mono<Long> partnerAccount(long partnerId) {
        return db.sql("""
                        with created as (
                            insert into timebank_account (kind, partner_id) values (:kind, :partner)
                            on conflict (partner_id) where kind = 'PARTNER' do nothing returning id
                        )
                        select id from created
                        union all
                        select id from timebank_account where kind = :kind and partner_id = :partner
                        """)
                .bind("kind", AccountKind.PARTNER.name()).bind("partner", partnerId)
                .map(row -> row.get("id", Long.class)).first()
                .switchIfEmpty(Mono.defer(() -> accountOf(AccountKind.PARTNER, "partner_id", partnerId)));
    }

    /** {@code column} is one of the three owner columns above, never client text. */
    private Mono<Long> accountOf(AccountKind kind, String column, long owner) {
        return db.sql("select id from timebank_account where kind = :kind and " + column + " = :owner")
                .bind("kind", kind.name()).bind("owner", owner).map(row -> row.get("id", Long.class)).one();
    }
}
