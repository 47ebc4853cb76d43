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
        return firstUse(AccountKind.PERSON, accountId);
    }

    Mono<Long> systemAccount(long communityId, AccountKind kind) {
        if (!kind.isCommunityAccount()) {
            return Mono.error(new IllegalArgumentException(kind + " is not a community account"));
        }
        return firstUse(kind, communityId);
    }

    Mono<Long> partnerAccount(long partnerId) {
        return firstUse(AccountKind.PARTNER, partnerId);
    }

    /** The owner column of each kind, and the partial unique index (constant predicate) an insert conflicts on. */
    private record Ownership(String column, String uniqueIndex) {

        static Ownership of(AccountKind kind) {
            return switch (kind) {
                case PERSON -> new Ownership("owner_account_id", "(owner_account_id) where kind = 'PERSON'");
                case PARTNER -> new Ownership("partner_id", "(partner_id) where kind = 'PARTNER'");
                default -> new Ownership("community_id", "(community_id, kind) where kind not in ('PERSON', 'PARTNER')");
            };
        }
    }

    /** The account of {@code kind} that {@code owner} (account, partner or community id) has, created on first use. */
    private Mono<Long> firstUse(AccountKind kind, long owner) {
        Ownership ownership = Ownership.of(kind);
        return db.sql("""
                        with created as (
                            insert into timebank_account (kind, %1$s) values (:kind, :owner)
                            on conflict %2$s do nothing returning id
                        )
                        select id from created
                        union all
                        select id from timebank_account where kind = :kind and %1$s = :owner
                        """.formatted(ownership.column(), ownership.uniqueIndex()))
                .bind("kind", kind.name()).bind("owner", owner)
                .map(row -> row.get("id", Long.class)).first()
                // a concurrent first use created it after this statement's snapshot: read it again
                .switchIfEmpty(Mono.defer(() -> db.sql(
                                "select id from timebank_account where kind = :kind and " + ownership.column() + " = :owner")
                        .bind("kind", kind.name()).bind("owner", owner).map(row -> row.get("id", Long.class)).one()));
    }
}
