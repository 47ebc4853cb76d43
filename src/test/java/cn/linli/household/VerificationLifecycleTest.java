package cn.linli.household;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.linli.household.VerificationParty.APPLICANT;
import static cn.linli.household.VerificationParty.HEAD;
import static cn.linli.household.VerificationParty.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verification state machine written out independently of {@link VerificationLifecycle}'s table: every
 * (action, state, set of parties) combination is either allowed and leads where it should, or is refused with the
 * right code. The applicant never decides their own request, whatever else they are.
 */
class VerificationLifecycleTest {

    /** Which parties may take the action from PENDING (the only state anything leaves from), and where it leads. */
    private static VerificationStatus expectedTarget(VerificationAction action) {
        return switch (action) {
            case APPROVE -> VerificationStatus.APPROVED;
            case REJECT -> VerificationStatus.REJECTED;
            case WITHDRAW -> VerificationStatus.WITHDRAWN;
        };
    }

    private static boolean partyMayAct(VerificationAction action, Set<VerificationParty> parties) {
        if (action == VerificationAction.WITHDRAW) {
            return parties.contains(APPLICANT);
        }
        return !parties.contains(APPLICANT) && (parties.contains(HEAD) || parties.contains(STAFF));
    }

    private static List<Set<VerificationParty>> everyPartySet() {
        List<Set<VerificationParty>> sets = new ArrayList<>();
        VerificationParty[] all = VerificationParty.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            Set<VerificationParty> set = EnumSet.noneOf(VerificationParty.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(all[i]);
                }
            }
            sets.add(set);
        }
        return sets;
    }

    private static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (VerificationAction action : VerificationAction.values()) {
            for (VerificationStatus from : VerificationStatus.values()) {
                for (Set<VerificationParty> parties : everyPartySet()) {
                    all.add(Arguments.of(action, from, parties));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} from {1} by {2}")
    @MethodSource("everyCombination")
    void everyTransitionIsAllowedOrRefusedWithTheRightCode(VerificationAction action, VerificationStatus from,
                                                          Set<VerificationParty> parties) {
        if (!partyMayAct(action, parties)) {
            assertThatThrownBy(() -> VerificationLifecycle.check(action, from, parties))
                    .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
        } else if (from != VerificationStatus.PENDING) {
            assertThatThrownBy(() -> VerificationLifecycle.check(action, from, parties))
                    .isInstanceOfSatisfying(LinliException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.VERIFICATION_INVALID_TRANSITION);
                        assertThat(ex.extensions()).containsEntry("status", from.name());
                    });
        } else {
            assertThat(VerificationLifecycle.check(action, from, parties)).isEqualTo(expectedTarget(action));
        }
    }

    @Test
    void anApplicantWhoIsAlsoStaffAndHeadStillCannotDecideTheirOwnRequest() {
        for (VerificationAction action : List.of(VerificationAction.APPROVE, VerificationAction.REJECT)) {
            assertThatThrownBy(() -> VerificationLifecycle.check(action, VerificationStatus.PENDING,
                    EnumSet.of(APPLICANT, HEAD, STAFF)))
                    .isInstanceOfSatisfying(LinliException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN);
                        assertThat(ex.getMessage()).contains("自己");
                    });
        }
    }

    @Test
    void guardsAndTargetsComeFromTheTable() {
        for (VerificationAction action : VerificationAction.values()) {
            assertThat(VerificationLifecycle.sourcesOf(action)).containsExactly(VerificationStatus.PENDING);
            assertThat(VerificationLifecycle.targetOf(action)).isEqualTo(expectedTarget(action));
        }
        assertThat(VerificationLifecycle.INITIAL).isEqualTo(VerificationStatus.PENDING);
    }
}
