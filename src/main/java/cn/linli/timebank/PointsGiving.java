package cn.linli.timebank;

import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Points people give: staff grants (new points, or from the community's pool), family transfers and donations to the
 * pool. Each is one ledger posting under the client's idempotency key; a replay returns the first movement.
 * Entry points of their own transaction, retried whole on a serialization conflict.
 */
@Service
@Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
class PointsGiving {

    private final Ledger ledger;
    private final Credits credits;
    private final TimeBankAccess access;
    private final TimeBankNotices notices;

    PointsGiving(Ledger ledger, Credits credits, TimeBankAccess access, TimeBankNotices notices) {
        this.ledger = ledger;
        this.credits = credits;
        this.access = access;
        this.notices = notices;
    }

    @Transactional
    public Mono<TimeBankInputs.PointsMovement> grant(Viewer viewer, TimeBankInputs.GrantPointsInput input, boolean fromPool) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            long recipient = Ids.parse(input.accountId(), "input.accountId");
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            return access.requireStaff(viewer, community)
                    .then(access.requireResident(recipient, community))
                    .then(Mono.zip(ledger.systemAccount(community, fromPool ? AccountKind.POOL : AccountKind.ISSUANCE),
                            ledger.personAccount(recipient)))
                    .flatMap(accounts -> {
                        MovementKind kind = fromPool ? MovementKind.POOL_GRANT : MovementKind.GRANT;
                        String description = (fromPool ? "公益池帮扶：" : "社区奖励：") + input.reason();
                        Ledger.Posting posting = Ledger.Posting.move(kind, key, community, description, accounts.getT1(),
                                        accounts.getT2(), input.points()).actor(viewer.accountId())
                                .fingerprint(kind + "|" + community + "|" + recipient + "|" + input.points() + "|" + input.reason());
                        return ledger.post(posting)
                                .flatMap(posted -> (posted.fresh() ? credits.afterEarning(posted, accounts.getT2(), community, key)
                                        .then(notices.pointsReceived(recipient, "收到 " + input.points() + " 积分", input.reason()))
                                        : Mono.<Void>empty()).then(movement(posted, accounts.getT2())));
                    });
        });
    }

    @Transactional
    public Mono<TimeBankInputs.PointsMovement> transfer(Viewer viewer, TimeBankInputs.TransferPointsInput input) {
        return Mono.defer(() -> {
            long recipient = Ids.parse(input.toAccountId(), "input.toAccountId");
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            if (recipient == viewer.accountId()) {
                return Mono.error(LinliException.invalid("input.toAccountId", "不能转给自己"));
            }
            String description = "家庭转赠" + (input.note() == null ? "" : "：" + input.note());
            return access.sharedHousehold(viewer, recipient).flatMap(household -> Mono.zip(
                            ledger.personAccount(viewer.accountId()), ledger.personAccount(recipient))
                    .flatMap(accounts -> ledger.post(Ledger.Posting.move(MovementKind.TRANSFER, key, household.communityId(),
                                            description, accounts.getT1(), accounts.getT2(), input.points())
                                    .actor(viewer.accountId())
                                    .fingerprint("TRANSFER|" + recipient + "|" + input.points() + "|" + input.note()))
                            .flatMap(posted -> (posted.fresh()
                                    ? credits.applyCap(accounts.getT2(), household.communityId(), key)
                                    .then(notices.pointsReceived(recipient, "家人转赠 " + input.points() + " 积分", description))
                                    : Mono.<Void>empty()).then(movement(posted, accounts.getT1())))));
        });
    }

    @Transactional
    public Mono<TimeBankInputs.PointsMovement> donate(Viewer viewer, TimeBankInputs.DonatePointsInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            return access.requireResident(viewer.accountId(), community)
                    .then(Mono.zip(ledger.personAccount(viewer.accountId()), ledger.systemAccount(community, AccountKind.POOL)))
                    .flatMap(accounts -> ledger.post(Ledger.Posting.move(MovementKind.DONATE, key, community, "捐赠给社区公益池",
                                            accounts.getT1(), accounts.getT2(), input.points())
                                    .actor(viewer.accountId())
                                    .fingerprint("DONATE|" + community + "|" + input.points()))
                            .flatMap(posted -> movement(posted, accounts.getT1())));
        });
    }

    /** The movement as the client sees it, with the balance of the account that {@code balanceOf} names. */
    private Mono<TimeBankInputs.PointsMovement> movement(Ledger.Posted posted, long balanceOf) {
        return ledger.balance(balanceOf).map(balance ->
                new TimeBankInputs.PointsMovement(String.valueOf(posted.transactionId()), !posted.fresh(), balance));
    }
}
