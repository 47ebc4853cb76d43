package cn.linli.console;

import java.util.EnumSet;
import java.util.stream.Stream;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every action from every state by every party: the whole table, allowed and refused. */
class TicketLifecycleTest {

    static Stream<Arguments> everyCase() {
        return Stream.of(TicketAction.values()).flatMap(action -> Stream.of(TicketStatus.values())
                .flatMap(from -> Stream.of(TicketParty.values()).map(party -> Arguments.of(action, from, party))));
    }

    @ParameterizedTest(name = "{0} from {1} by {2}")
    @MethodSource("everyCase")
    void onlyTheTableAllows(TicketAction action, TicketStatus from, TicketParty party) {
        boolean allowed = (action == TicketAction.CONFIRM && from == TicketStatus.PENDING && party == TicketParty.STAFF)
                || (action == TicketAction.CLAIM && from == TicketStatus.CONFIRMED && party == TicketParty.CONSOLE);
        if (allowed) {
            assertThat(TicketLifecycle.check(action, from, party)).isEqualTo(TicketLifecycle.targetOf(action));
            return;
        }
        boolean rightParty = (action == TicketAction.CONFIRM) == (party == TicketParty.STAFF);
        assertThatThrownBy(() -> TicketLifecycle.check(action, from, party))
                .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code())
                        .isEqualTo(rightParty ? ErrorCode.CONSOLE_TICKET_USED : ErrorCode.FORBIDDEN));
    }

    @Test
    void confirmLeadsToConfirmedAndClaimToClaimed() {
        assertThat(TicketLifecycle.INITIAL).isEqualTo(TicketStatus.PENDING);
        assertThat(TicketLifecycle.sourcesOf(TicketAction.CONFIRM)).isEqualTo(EnumSet.of(TicketStatus.PENDING));
        assertThat(TicketLifecycle.targetOf(TicketAction.CONFIRM)).isEqualTo(TicketStatus.CONFIRMED);
        assertThat(TicketLifecycle.sourcesOf(TicketAction.CLAIM)).isEqualTo(EnumSet.of(TicketStatus.CONFIRMED));
        assertThat(TicketLifecycle.targetOf(TicketAction.CLAIM)).isEqualTo(TicketStatus.CLAIMED);
        assertThat(TicketLifecycle.expired().code()).isEqualTo(ErrorCode.CONSOLE_TICKET_EXPIRED);
    }
}
