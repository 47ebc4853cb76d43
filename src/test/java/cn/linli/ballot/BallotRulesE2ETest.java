package cn.linli.ballot;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Pass rules are data: the seeded default, a community's own rule set by its staff (audited), copied by new ballots. */
class BallotRulesE2ETest extends BallotTestBase {

    @Test
    void aCommunitysOwnRuleIsCopiedByItsNewBallots() {
        Community community = newCommunity();
        GraphQlTester.Response initial = api(community.staff().client(), "BallotRule").variable("communityId", community.id())
                .execute();
        initial.path("ballotRule.communityOwn").entity(Boolean.class).isEqualTo(false);
        initial.path("ballotRule.minTurnoutPercent").entity(Integer.class).isEqualTo(50);
        initial.path("ballotRule.majorityPercent").entity(Integer.class).isEqualTo(50);

        Map<String, Object> rule = Map.of("communityId", community.id(), "minTurnoutPercent", 30, "majorityPercent", 66);
        api(community.staff().client(), "SetBallotRule").variable("input", rule).execute()
                .path("setBallotRule.communityOwn").entity(Boolean.class).isEqualTo(true);
        String ballot = createBallot(community.staff(), ballotInput(community, "PROJECT", "APPROVE", java.util.List.of()));
        GraphQlTester.Response shown = api(community.staff().client(), "Ballot").variable("id", ballot).execute();
        shown.path("ballot.minTurnoutPercent").entity(Integer.class).isEqualTo(30);
        shown.path("ballot.majorityPercent").entity(Integer.class).isEqualTo(66);
        assertThat(count("select count(*) from audit_event where subject = 'COMMUNITY' and action = 'UPDATED' and subject_id = "
                + community.id() + " and after->'ballotRule' is not null")).isEqualTo(1);

        // staff of another community may not; out of range is a field error
        BallotTestBase.expectCode(api(staff().client(), "SetBallotRule").variable("input", rule).execute(), "FORBIDDEN");
        GraphQlTester.Response invalid = api(community.staff().client(), "SetBallotRule").variable("input",
                Map.of("communityId", community.id(), "minTurnoutPercent", 101, "majorityPercent", 50)).execute();
        invalid.errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                && "input.minTurnoutPercent".equals(error.getExtensions().get("field"))).verify();
    }
}
