package cn.linli.ballot;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No individual vote is readable by anyone, staff included: after two households voted, the community's staff and an
 * administrator read every ballot query there is (list, one ballot with all its fields, results, the audit log) and
 * see counts only; a member of one household sees their own household's choice and no other. (That no other query
 * of any feature can reach a vote is {@link BallotPrivacySchemaTest}.)
 */
class BallotPrivacyE2ETest extends BallotTestBase {

    @Test
    void staffAndAdministratorsSeeCountsOnly() {
        Community community = newCommunity();
        List<String> households = community.first(2);
        Login a = verifiedMember(community, households.get(0));
        Login b = verifiedMember(community, households.get(1));
        String ballot = createBallot(community.staff(), ballotInput(community, "NEEDS", "RANK", List.of("修路灯", "加装电梯", "增设车棚")));
        transition(community.staff(), "OpenBallot", ballot).errors().verify();
        List<String> options = optionIds(a, ballot);
        vote(a, ballot, List.of(options.get(2), options.get(0)), null).errors().verify();
        vote(b, ballot, List.of(options.get(1)), null).errors().verify();

        for (Login reader : List.of(community.staff(), admin())) {
            GraphQlTester.Response list = api(reader.client(), "Ballots").variable("communityId", community.id()).execute();
            list.errors().verify();
            list.path("ballots.edges[0].node.myHouseholds").entityList(Object.class).hasSize(0);

            GraphQlTester.Response one = api(reader.client(), "Ballot").variable("id", ballot).execute();
            one.errors().verify();
            one.path("ballot.myHouseholds").entityList(Object.class).hasSize(0);
            Map<String, Object> results = one.path("ballot.results").entity(MAP).get();
            assertThat(results.toString()).doesNotContain("household", "Household=").contains("eligibleHouseholds");
            assertThat(results.get("votedHouseholds")).isEqualTo(2);

            GraphQlTester.Response audit = api(reader.client(), "AuditLog").variable("communityId", community.id())
                    .variable("subject", "BALLOT").variable("first", 100).execute();
            audit.errors().verify();
            // staff changes are on the trail; votes never are
            audit.path("auditLog.edges[*].node.action").entityList(String.class).containsExactly("OPENED", "CREATED");
        }

        // each member sees their own household, and only it
        GraphQlTester.Response mine = api(b.client(), "Ballot").variable("id", ballot).execute();
        mine.path("ballot.myHouseholds[*].householdId").entityList(String.class).containsExactly(households.get(1));
        mine.path("ballot.myHouseholds[0].vote.optionIds").entityList(String.class).containsExactly(options.get(1));
        assertThat(count("select count(*) from ballot_vote where ballot_id = " + ballot)).isEqualTo(2);
    }
}
