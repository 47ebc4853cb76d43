package cn.linli.order;

import java.util.List;

import cn.linli.community.CommunityService;
import cn.linli.partner.PartnerService;
import cn.linli.timebank.TimeBankService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What an order moves in the time bank, always inside the transition's transaction. */
@Component
class OrderPoints {

    private final TimeBankService timeBank;
    private final PartnerService partners;
    private final CommunityService communities;

    OrderPoints(TimeBankService timeBank, PartnerService partners, CommunityService communities) {
        this.timeBank = timeBank;
        this.partners = partners;
        this.communities = communities;
    }

    /** A points-priced offering: the resident's points are held when a partner accepts, until confirmation. */
    Mono<Void> hold(ServiceOrder order) {
        if (order.offeringId() == null) {
            return Mono.empty();
        }
        return partners.findOffering(order.offeringId())
                // the partner feature's price kind, by name (text today)
                .filter(offering -> "POINTS".equals(String.valueOf(offering.priceKind()))
                        && offering.pricePoints() != null)
                .flatMap(offering -> timeBank.holdForOrder(order.id(), order.communityId(), order.residentId(),
                        offering.pricePoints(), offering.title()));
    }

    /** A cancelled order gives the held points back (nothing when none were held). */
    Mono<Void> returnHold(ServiceOrder order) {
        return timeBank.returnHold(order.id(), order.description());
    }

    /**
     * Confirmation of volunteer service pays the serving member in time-bank points, in the confirming transaction;
     * the time bank keys the earning on the order, so it happens once however confirmation is retried or raced.
     */
    Mono<Void> earn(ServiceOrder order) {
        Long member = order.servingMemberId();
        if (member == null) {
            return Mono.empty();
        }
        Mono<Void> payHold = timeBank.payHold(order.id(), member, order.description());
        Integer minutes = order.minutesSpent();
        if (minutes == null) {
            return payHold;
        }
        return Mono.zip(partners.categoriesByIds(List.of(order.categoryId())),
                        communities.householdsByIds(List.of(order.householdId())))
                .flatMap(t -> {
                    var category = t.getT1().get(order.categoryId());
                    var household = t.getT2().get(order.householdId());
                    if (category == null || !category.earnsPoints() || household == null) {
                        return Mono.empty();
                    }
                    String description = "为 " + household.label() + " 提供" + category.name() + "服务 " + minutes + " 分钟";
                    return timeBank.earnForOrder(order.id(), order.communityId(), member, minutes, description);
                })
                .then(payHold);
    }
}
