package cn.linli.need;

import java.util.List;

import cn.linli.need.NeedInputs.OrderFromNeedInput;
import cn.linli.order.LinkedOrders;
import cn.linli.order.OrderStatus;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A 实事 a partner's service covers becomes a service order in one step: staff pick the offering or category, and in
 * one transaction the order is placed on behalf of the household (as its resident would place it: same checks,
 * dispatch and timeline, idempotent per need) and linked both ways. When the order is confirmed the need is
 * resolved; when it is cancelled the need goes back to the community (told after the order's commit).
 */
@Service
class NeedOrders implements LinkedOrders.SettlementListener {

    private final NeedRepository needs;
    private final NeedEventRepository events;
    private final NeedTriage triage;
    private final NeedMoves moves;
    private final LinkedOrders orders;

    NeedOrders(NeedRepository needs, NeedEventRepository events, NeedTriage triage, NeedMoves moves,
               LinkedOrders orders) {
        this.needs = needs;
        this.events = events;
        this.triage = triage;
        this.moves = moves;
        this.orders = orders;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Need> orderFromNeed(Viewer viewer, OrderFromNeedInput input) {
        return Mono.defer(() -> triage.lockedForStaff(viewer, Ids.parse(input.needId(), "input.needId")))
                .flatMap(need -> {
                    if (need.kind() != NeedKind.PRACTICAL) {
                        return Mono.error(LinliException.invalid("input.needId", "只有实事可以转为服务工单"));
                    }
                    NeedLifecycle.check(NeedAction.ORDER, need.status(), NeedActor.STAFF);
                    return residentFor(need)
                            .flatMap(resident -> orders.placeOnBehalf(new LinkedOrders.Request(resident,
                                    need.householdId(), input.offeringId(), input.categoryCode(), need.description(),
                                    input.contactPhone(), need.level() == NeedLevel.URGENT, orderKey(need))))
                            .flatMap(order -> moves.move(need, NeedAction.ORDER,
                                    new NeedMoves.By(NeedActor.STAFF, viewer.accountId()), "服务工单 #" + order.id(),
                                    needs.linkOrder(need.id(), NeedLifecycle.sourcesOf(NeedAction.ORDER),
                                            NeedStatus.ORDERED, order.id())));
                });
    }

    /**
     * One order per need and state: a retried attempt (rolled back, same state) replays it; after a cancelled order
     * brought the need back, the next order is a new one.
     */
    private static String orderKey(Need need) {
        return "need-" + need.id() + "-" + need.updatedAt().toEpochMilli();
    }

    /** Who the order is placed for: the member who raised the need if still a member, else the first member. */
    private Mono<Long> residentFor(Need need) {
        return events.householdMembers(need.householdId()).flatMap(members -> {
            if (!need.collectedByStaff() && members.contains(need.submittedBy())) {
                return Mono.just(need.submittedBy());
            }
            return members.isEmpty()
                    ? Mono.error(LinliException.invalid("input.needId", "该户暂无已认证的成员，不能代为下单"))
                    : Mono.just(members.get(0));
        });
    }

    /** Runs after the order's transaction committed, in its own: one need moves, once (the status guard decides). */
    @Override
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Void> orderSettled(long orderId, OrderStatus status) {
        NeedAction action = status == OrderStatus.CONFIRMED ? NeedAction.ORDER_CONFIRMED : NeedAction.ORDER_CANCELLED;
        return needs.byOrderIds(List.of(orderId))
                .filter(need -> need.status() == NeedStatus.ORDERED)
                .concatMap(need -> moves.move(need, action, NeedMoves.By.system(), "服务工单 #" + orderId + " "
                                + status.displayName(), needs.transition(need.id(), NeedLifecycle.sourcesOf(action),
                                NeedLifecycle.targetOf(action, need.status())))
                        .onErrorResume(NeedOrders::movedMeanwhile, ex -> Mono.empty()))
                .then();
    }

    private static boolean movedMeanwhile(Throwable ex) {
        return ex instanceof LinliException linli && linli.code() == ErrorCode.NEED_INVALID_TRANSITION;
    }
}
