package cn.linli.festival;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/**
 * A campaign's state machine: staff publish a draft, the deadline settles an open campaign as funded or failed, staff
 * close a settled one. Services ask {@link #check}; SQL guards bind {@link Action#from()} so the database refuses a
 * transition that raced another.
 */
final class CampaignLifecycle {

    enum Action {
        PUBLISH(EnumSet.of(CampaignStatus.DRAFT), CampaignStatus.OPEN, FestivalActor.STAFF, "只有草稿状态的众筹可以发布"),
        FUND(EnumSet.of(CampaignStatus.OPEN), CampaignStatus.FUNDED, FestivalActor.DEADLINE, "众筹未开放或已截止"),
        FAIL(EnumSet.of(CampaignStatus.OPEN), CampaignStatus.FAILED, FestivalActor.DEADLINE, "众筹未开放或已截止"),
        CLOSE(EnumSet.of(CampaignStatus.FUNDED, CampaignStatus.FAILED), CampaignStatus.CLOSED, FestivalActor.STAFF,
                "众筹尚未结算，不能关闭");

        private final Set<CampaignStatus> from;
        private final CampaignStatus to;
        private final FestivalActor actor;
        private final String refusal;

        Action(Set<CampaignStatus> from, CampaignStatus to, FestivalActor actor, String refusal) {
            this.from = from;
            this.to = to;
            this.actor = actor;
            this.refusal = refusal;
        }

        Set<CampaignStatus> from() {
            return from;
        }

        CampaignStatus to() {
            return to;
        }

        FestivalActor actor() {
            return actor;
        }
    }

    static boolean allows(CampaignStatus from, Action action) {
        return action.from.contains(from);
    }

    static boolean mayAct(Action action, FestivalActor actor) {
        return action.actor == actor;
    }

    /** The status after the action; refused with FORBIDDEN for the wrong actor, CAMPAIGN_NOT_OPEN from the wrong status. */
    static CampaignStatus check(CampaignStatus from, Action action, FestivalActor actor) {
        if (!mayAct(action, actor)) {
            throw LinliException.forbidden();
        }
        if (!allows(from, action)) {
            throw refusal(action);
        }
        return action.to;
    }

    /** What the caller hears when the campaign is not where the action starts (also when the SQL guard refuses). */
    static LinliException refusal(Action action) {
        return new LinliException(ErrorCode.CAMPAIGN_NOT_OPEN, action.refusal);
    }

    /** The deadline's verdict: the money goal (raised plus matched) reached or not. */
    static Action settlement(boolean goalReached) {
        return goalReached ? Action.FUND : Action.FAIL;
    }

    /** Whether the deadline may settle the campaign now. */
    static boolean settlesNow(CampaignStatus status, Instant deadline, Instant now) {
        return allows(status, Action.FUND) && !deadline.isAfter(now);
    }

    /** Pledges are taken while the campaign is open and before its deadline. */
    static boolean acceptsPledges(CampaignStatus status, Instant deadline, Instant now) {
        return status == CampaignStatus.OPEN && deadline.isAfter(now);
    }

    /** Residents see every campaign but drafts; staff of the community see drafts too. */
    static boolean visibleToResidents(CampaignStatus status) {
        return status != CampaignStatus.DRAFT;
    }

    private CampaignLifecycle() {
    }
}
