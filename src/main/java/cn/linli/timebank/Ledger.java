package cn.linli.timebank;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.idempotency.IdempotencyKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The double-entry ledger and its one posting primitive. Every movement — earning, grant, transfer, donation, hold,
 * hold payment and return, redemption, voucher settlement and return, storage-cap overflow, expiry — is a
 * {@link Posting} given to {@link #post}, inside the caller's transaction: it records the transaction under its
 * idempotency key (a replay returns the first posting), moves each balance by a conditional update (a balance that
 * may not go negative fails the whole posting with {@code INSUFFICIENT_POINTS}), and appends the entries. The database
 * refuses a transaction whose entries do not sum to zero, and any change to an entry.
 */
@Component
class Ledger {

    /** One leg of a transaction: positive credits the account, negative debits it. */
    record Leg(long accountId, long amount) {
    }

    /** What to post. {@code requestFingerprint} tells a replay (same) from a reused key (different). */
    record Posting(MovementKind kind, String idempotencyKey, String requestFingerprint, @Nullable Long communityId,
                   @Nullable Long actorId, String description, @Nullable Integer minutes, @Nullable String reference,
                   List<Leg> legs) {

        /** {@code points} from one account to another; the key is its own fingerprint (system-made keys). */
        static Posting move(MovementKind kind, String key, @Nullable Long communityId, String description, long from,
                            long to, long points) {
            return new Posting(kind, key, key, communityId, null, description, null, null, LedgerMath.move(from, to, points));
        }

        Posting fingerprint(String fingerprint) {
            return new Posting(kind, idempotencyKey, fingerprint, communityId, actorId, description, minutes, reference, legs);
        }

        Posting actor(long actor) {
            return new Posting(kind, idempotencyKey, requestFingerprint, communityId, actor, description, minutes, reference, legs);
        }

        Posting minutes(int served) {
            return new Posting(kind, idempotencyKey, requestFingerprint, communityId, actorId, description, served, reference, legs);
        }

        Posting reference(String about) {
            return new Posting(kind, idempotencyKey, requestFingerprint, communityId, actorId, description, minutes, about, legs);
        }
    }

    /** The posted transaction's id, and whether this call posted it (false: a replay of an earlier call). */
    record Posted(long transactionId, boolean fresh) {
    }

    private final LedgerRepository repository;

    Ledger(LedgerRepository repository) {
        this.repository = repository;
    }

    Mono<Posted> post(Posting posting) {
        if (!LedgerMath.balanced(posting.legs())) {
            return Mono.error(new IllegalArgumentException("unbalanced posting " + posting.kind()));
        }
        String hash = IdempotencyKeys.sha256(posting.requestFingerprint());
        return repository.insertTransaction(posting, hash)
                .flatMap(id -> moveBalances(id, posting.legs()).thenReturn(new Posted(id, true)))
                .switchIfEmpty(Mono.defer(() -> repository.transactionByKey(posting.idempotencyKey())
                        .flatMap(past -> IdempotencyKeys.ifSameRequest(past.requestHash(), hash,
                                () -> Mono.just(new Posted(past.id(), false))))));
    }

    /** Accounts in id order, so two postings never lock the same accounts in opposite orders. */
    private Mono<Void> moveBalances(long transactionId, List<Leg> legs) {
        return Flux.fromIterable(legs.stream().sorted(Comparator.comparingLong(Leg::accountId)).toList())
                .concatMap(leg -> repository.moveBalance(leg.accountId(), leg.amount())
                        .flatMap(moved -> moved ? repository.insertEntry(transactionId, leg.accountId(), leg.amount())
                                : Mono.error(new LinliException(ErrorCode.INSUFFICIENT_POINTS))))
                .then();
    }

    /** The person's account, created on first use. */
    Mono<Long> personAccount(long accountId) {
        return repository.personAccount(accountId);
    }

    /** A community's system account (ISSUANCE, REDEMPTION, POOL, ESCROW), created on first use. */
    Mono<Long> systemAccount(long communityId, AccountKind kind) {
        return repository.systemAccount(communityId, kind);
    }

    /** A partner organisation's account, created on first use. */
    Mono<Long> partnerAccount(long partnerId) {
        return repository.partnerAccount(partnerId);
    }

    Mono<Long> balance(long ledgerAccountId) {
        return repository.balance(ledgerAccountId);
    }

    Flux<LedgerRepository.PartnerBalance> partnerBalances(Collection<Long> partnerIds) {
        return repository.partnerBalances(partnerIds);
    }
}
