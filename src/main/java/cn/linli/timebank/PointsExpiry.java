package cn.linli.timebank;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Earned points that expire: what is left of an earning (points are spent oldest first) goes to the pool. */
@Service
class PointsExpiry {

    private final Ledger ledger;
    private final TimeBankRepository repository;

    PointsExpiry(Ledger ledger, TimeBankRepository repository) {
        this.ledger = ledger;
        this.repository = repository;
    }

    /** Timer handler (inside the timer's transaction): once per earning, nothing when it was all spent. */
    @Transactional
    Mono<Void> expireEarning(long transactionId) {
        return repository.earning(transactionId).flatMap(earning -> repository
                .holdingAfter(earning.ledgerAccountId(), earning.transactionId())
                .map(holding -> LedgerMath.remainingOfEarning(earning.amount(), holding.balance(), holding.creditedSince()))
                .filter(remaining -> remaining > 0)
                .flatMap(remaining -> expire(earning, remaining)));
    }

    private Mono<Void> expire(TimeBankRepository.Earning earning, long remaining) {
        String key = "expire:" + earning.transactionId();
        String description = "积分到期（" + LocalDate.ofInstant(earning.at(), Credits.CHINA) + " 获得）" + remaining
                + " 分转入社区公益池";
        return ledger.systemAccount(earning.communityId(), AccountKind.POOL)
                .flatMap(pool -> ledger.post(Ledger.Posting.move(MovementKind.EXPIRE, key, earning.communityId(),
                                description, earning.ledgerAccountId(), pool, remaining)
                        .reference("transaction:" + earning.transactionId())))
                .then();
    }
}
