package cn.linli.festival;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.linli.festival.FestivalInputs.CreateCampaignInput;
import cn.linli.platform.error.LinliException;

/**
 * Rules of a new campaign that span several fields (single fields are checked by Bean Validation on the input).
 * Pure: unit-tested without a server.
 */
final class CampaignRules {

    /** A campaign is a neighbourhood festival's fundraising, not an open-ended collection. */
    static final Duration LONGEST_CAMPAIGN = Duration.ofDays(366);

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Throws VALIDATION_FAILED naming the offending field. */
    static void check(CreateCampaignInput input, Instant now) {
        if (input.deadline().isAfter(now.plus(LONGEST_CAMPAIGN))) {
            throw LinliException.invalid("input.deadline", "截止时间不能晚于一年之后");
        }
        LocalDate lastPledgeDay = input.deadline().atZone(CHINA).toLocalDate();
        if (input.festivalDate().isBefore(lastPledgeDay)) {
            // what is pledged must be in hand on the day: the festival cannot be over before pledging ends
            throw LinliException.invalid("input.festivalDate", "活动日期不能早于众筹截止日期");
        }
        if (input.moneyGoalFen() == 0 && input.itemNeeds().isEmpty() && input.volunteerRoles().isEmpty()) {
            throw LinliException.invalid("input.moneyGoalFen", "请至少设定筹款目标、所需物资或志愿岗位中的一项");
        }
        if (!input.matchingTermsComplete()) {
            throw LinliException.invalid("input.matchingCapFen", "配捐须同时填写配捐方和上限");
        }
        if (input.matchingCapFen() != null && input.moneyGoalFen() == 0) {
            throw LinliException.invalid("input.matchingCapFen", "没有筹款目标的众筹不能设置配捐");
        }
    }

    private CampaignRules() {
    }
}
