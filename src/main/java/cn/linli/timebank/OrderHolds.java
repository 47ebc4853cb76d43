package cn.linli.timebank;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Points held for points-priced orders, inside the order feature's transaction: held into the community's escrow
 * when a partner accepts, paid to the serving member on confirmation, returned on cancellation. The hold row makes
 * each step happen once ({@link HoldStatus}: only an open hold closes).
 */
@Service
class OrderHolds {

    private final Ledger ledger;
    private final HoldRepository holds;
    private final Credits credits;

    OrderHolds(Ledger ledger, HoldRepository holds, Credits credits) {
        this.ledger = ledger;
        this.holds = holds;
        this.credits = credits;
    }

    Mono<Void> hold(long orderId, long communityId, long residentAccountId, int points, String title) {
        return holds.open(orderId, residentAccountId, communityId, points)
                .filter(opened -> opened)
                .flatMap(opened -> Mono.zip(ledger.personAccount(residentAccountId),
                        ledger.systemAccount(communityId, AccountKind.ESCROW)))
                .flatMap(accounts -> ledger.post(Ledger.Posting.move(MovementKind.HOLD, "order-hold:" + orderId,
                        communityId, "预扣积分：" + title, accounts.getT1(), accounts.getT2(), points)
                        .reference("order:" + orderId)))
                .then();
    }

    Mono<Void> pay(long orderId, long memberAccountId, String title) {
        String key = "order-hold-pay:" + orderId;
        return holds.close(orderId, HoldStatus.PAID).flatMap(hold -> Mono.zip(
                        ledger.systemAccount(hold.communityId(), AccountKind.ESCROW), ledger.personAccount(memberAccountId))
                .flatMap(accounts -> ledger.post(Ledger.Posting.move(MovementKind.HOLD_PAY, key, hold.communityId(),
                                "服务收入：" + title, accounts.getT1(), accounts.getT2(), hold.points())
                                .reference("order:" + orderId))
                        .flatMap(posted -> credits.afterEarning(posted, accounts.getT2(), hold.communityId(), key))));
    }

    Mono<Void> giveBack(long orderId, String title) {
        return holds.close(orderId, HoldStatus.RETURNED).flatMap(hold -> Mono.zip(
                        ledger.systemAccount(hold.communityId(), AccountKind.ESCROW), ledger.personAccount(hold.accountId()))
                .flatMap(accounts -> ledger.post(Ledger.Posting.move(MovementKind.HOLD_RETURN, "order-hold-return:" + orderId,
                        hold.communityId(), "订单取消，退回预扣积分：" + title, accounts.getT1(), accounts.getT2(),
                        hold.points()).reference("order:" + orderId)))
                .then());
    }
}
