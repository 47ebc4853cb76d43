package cn.linli.notification;

import java.util.stream.Stream;

import cn.linli.notification.OutboxLifecycle.Action;
import cn.linli.wechat.WeChatMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox delivery lifecycle, every (state, action) pair, without Spring. */
class OutboxLifecycleTest {

    static Stream<Arguments> everyPair() {
        return Stream.of(OutboxStatus.values())
                .flatMap(from -> Stream.of(Action.values()).map(action -> Arguments.of(from, action)));
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyPair")
    void onlyAPendingRowEndsAndItEndsOnce(OutboxStatus from, Action action) {
        assertThat(OutboxLifecycle.allows(from, action)).isEqualTo(from == OutboxStatus.PENDING);
        assertThat(OutboxLifecycle.sourcesOf(action)).containsExactly("PENDING");
        assertThat(action.target().isFinal()).as("every action ends the row").isTrue();
    }

    @ParameterizedTest
    @CsvSource({"DELIVER, SENT", "SKIP_WITHOUT_CONSENT, NO_CONSENT", "CONSENT_WITHDRAWN, NO_CONSENT", "GIVE_UP, GAVE_UP"})
    void eachActionEndsInItsState(Action action, OutboxStatus target) {
        assertThat(action.target()).isEqualTo(target);
    }

    @Test
    void weChatsAnswerDecidesTheEnd() {
        assertThat(OutboxLifecycle.afterSend(WeChatMessages.Outcome.SENT)).isEqualTo(Action.DELIVER);
        assertThat(OutboxLifecycle.afterSend(WeChatMessages.Outcome.NO_CONSENT)).isEqualTo(Action.CONSENT_WITHDRAWN);
    }

    @ParameterizedTest(name = "{0} failures of at most {1}: give up {2}")
    @CsvSource({"0, 8, false", "7, 8, false", "8, 8, true", "9, 8, true", "0, 1, false", "1, 1, true",
            "0, 0, false", "1, 0, true", "1, -3, true"})
    void aRowIsRetriedUntilTheBoundThenGivenUp(int failures, int configured, boolean givesUp) {
        assertThat(OutboxLifecycle.givesUp(failures, configured)).isEqualTo(givesUp);
    }

    @Test
    void theBoundIsAtLeastOneTry() {
        assertThat(OutboxLifecycle.attemptBound(8)).isEqualTo(8);
        assertThat(OutboxLifecycle.attemptBound(0)).isEqualTo(1);
    }

    @Test
    void pagesBuildTheirRoutes() {
        assertThat(NoticePage.ORDER.route(42)).isEqualTo("pages/order/detail?id=42");
        assertThat(NoticePage.PARTNER_ORDER.route(7)).isEqualTo("pages/partner/order?id=7");
        assertThat(NoticePage.STAFF_ORDER.route(7)).isEqualTo("pages/staff/order?id=7");
        assertThat(NoticePage.CAMPAIGN.route(3)).isEqualTo("pages/festival/detail?id=3");
        assertThat(NoticePage.TIME_BANK.route(3)).isEqualTo("pages/timebank/index");
        assertThat(NoticePage.VOUCHERS.route()).isEqualTo("pages/timebank/vouchers");
        assertThat(NoticePage.ORDER.route()).isEqualTo("pages/order/detail");
    }
}
