package cn.linli.festival;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.linli.festival.CampaignLifecycle.Action;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (status, action, actor) of a campaign: the four allowed transitions, and every other one refused. */
class CampaignLifecycleTest {

    /** The whole table of allowed transitions: from, action, actor → to. */
    private static final Map<String, CampaignStatus> ALLOWED = Map.of(
            "DRAFT PUBLISH STAFF", CampaignStatus.OPEN,
            "OPEN FUND DEADLINE", CampaignStatus.FUNDED,
            "OPEN FAIL DEADLINE", CampaignStatus.FAILED,
            "FUNDED CLOSE STAFF", CampaignStatus.CLOSED,
            "FAILED CLOSE STAFF", CampaignStatus.CLOSED);

    /** One test over the whole table (5 statuses × 4 actions × 4 actors), so it runs in milliseconds. */
    @Test
    void onlyTheTableIsAllowed() {
        int allowed = 0;
        for (CampaignStatus from : CampaignStatus.values()) {
            for (Action action : Action.values()) {
                for (FestivalActor actor : FestivalActor.values()) {
                    allowed += checkOne(from, action, actor) ? 1 : 0;
                }
            }
        }
        assertThat(allowed).isEqualTo(ALLOWED.size());
    }

    private static boolean checkOne(CampaignStatus from, Action action, FestivalActor actor) {
        String transition = from + " " + action + " " + actor;
        CampaignStatus expected = ALLOWED.get(transition);
        if (expected != null) {
            assertThat(CampaignLifecycle.check(from, action, actor)).as(transition).isEqualTo(expected);
            assertThat(action.from()).as(transition).contains(from);
            assertThat(action.to()).as(transition).isEqualTo(expected);
            return true;
        }
        ErrorCode code = action.actor() != actor ? ErrorCode.FORBIDDEN : ErrorCode.CAMPAIGN_NOT_OPEN;
        assertThatThrownBy(() -> CampaignLifecycle.check(from, action, actor)).as(transition)
                .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).as(transition).isEqualTo(code));
        return false;
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertThatThrownBy(() -> CampaignLifecycle.check(CampaignStatus.OPEN, Action.PUBLISH, FestivalActor.STAFF))
                .hasMessage("只有草稿状态的众筹可以发布");
        assertThatThrownBy(() -> CampaignLifecycle.check(CampaignStatus.OPEN, Action.CLOSE, FestivalActor.STAFF))
                .hasMessage("众筹尚未结算，不能关闭");
    }

    @Test
    void theDeadlineSettlesAnOpenCampaignOnceItHasPassed() {
        Instant now = Instant.parse("2030-12-21T10:00:00Z");
        assertThat(CampaignLifecycle.settlesNow(CampaignStatus.OPEN, now, now)).isTrue();
        assertThat(CampaignLifecycle.settlesNow(CampaignStatus.OPEN, now.minusSeconds(1), now)).isTrue();
        assertThat(CampaignLifecycle.settlesNow(CampaignStatus.OPEN, now.plusSeconds(1), now)).isFalse();
        for (CampaignStatus other : List.of(CampaignStatus.DRAFT, CampaignStatus.FUNDED, CampaignStatus.FAILED,
                CampaignStatus.CLOSED)) {
            assertThat(CampaignLifecycle.settlesNow(other, now.minusSeconds(1), now)).as(other.name()).isFalse();
        }
        assertThat(CampaignLifecycle.settlement(true)).isEqualTo(Action.FUND);
        assertThat(CampaignLifecycle.settlement(false)).isEqualTo(Action.FAIL);
    }

    @Test
    void pledgesAreTakenWhileOpenAndBeforeTheDeadline() {
        Instant now = Instant.parse("2030-12-21T10:00:00Z");
        assertThat(CampaignLifecycle.acceptsPledges(CampaignStatus.OPEN, now.plusSeconds(1), now)).isTrue();
        assertThat(CampaignLifecycle.acceptsPledges(CampaignStatus.OPEN, now, now)).isFalse();
        for (CampaignStatus other : List.of(CampaignStatus.DRAFT, CampaignStatus.FUNDED, CampaignStatus.FAILED,
                CampaignStatus.CLOSED)) {
            assertThat(CampaignLifecycle.acceptsPledges(other, now.plusSeconds(60), now)).as(other.name()).isFalse();
        }
    }

    @Test
    void onlyDraftsAreHiddenFromResidents() {
        for (CampaignStatus status : CampaignStatus.values()) {
            assertThat(CampaignLifecycle.visibleToResidents(status)).as(status.name())
                    .isEqualTo(status != CampaignStatus.DRAFT);
        }
    }

    @Test
    void onlyAllOrNothingGivesBackOnFailure() {
        assertThat(FundingRule.ALL_OR_NOTHING.givesBackOnFailure()).isTrue();
        assertThat(FundingRule.KEEP_WHAT_YOU_RAISE.givesBackOnFailure()).isFalse();
    }
}
