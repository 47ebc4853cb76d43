package cn.linli.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.linli.support.Concurrently.runAtOnce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One vote per verified household, over HTTP: fifty members of ten households voting at once leave ten counted
 * votes; a changed vote replaces; every refusal has its code; replays with an idempotency key are answered once.
 */
class BallotVotingE2ETest extends BallotTestBase {

    @Test
    void fiftyMembersOfTenHouseholdsVotingAtOnceLeaveTenCountedVotes() throws Exception {
        Community community = newCommunity();
        List<Login> members = new ArrayList<>();
        for (String household : community.first(10)) {
            for (int i = 0; i < 5; i++) {
                members.add(verifiedMember(community, household));
            }
        }
        String ballot = openApproveBallot(community);
        List<String> options = optionIds(community.staff(), ballot);

        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Login member = members.get(i);
            String choice = options.get(i % 2);
            calls.add(() -> call(member.accessToken(), "CastBallotVote",
                    Map.of("input", voteInput(ballot, List.of(choice), null))));
        }
        List<String> outcomes = runAtOnce(calls);

        assertThat(outcomes).containsOnly("OK").hasSize(50);
        assertThat(count("select count(*) from ballot_vote where ballot_id = " + ballot)).isEqualTo(10);
        // every one of the 50 casts replaced its household's row in place: versions add up to 50
        assertThat(count("select sum(version) from ballot_vote where ballot_id = " + ballot)).isEqualTo(50);
        Map<String, Object> results = results(community.staff(), ballot);
        assertThat(results.get("votedHouseholds")).isEqualTo(10);
        assertThat(results.get("eligibleHouseholds")).isEqualTo(10);
        assertThat(results.get("turnoutPercent")).isEqualTo(100.0);
    }

    @Test
    void aChangedVoteReplacesNeverAdds() {
        Community community = newCommunity();
        String household = community.first(1).get(0);
        Login first = verifiedMember(community, household);
        Login second = verifiedMember(community, household);
        String ballot = createBallot(community.staff(), ballotInput(community, "NEEDS", "SINGLE", List.of("修路灯", "加装电梯")));
        transition(community.staff(), "OpenBallot", ballot).errors().verify();
        List<String> options = optionIds(first, ballot);

        vote(first, ballot, List.of(options.get(0)), null).errors().verify();
        GraphQlTester.Response changed = vote(second, ballot, List.of(options.get(1)), null);
        changed.errors().verify();
        changed.path("castBallotVote.version").entity(Integer.class).isEqualTo(2);

        assertThat(count("select count(*) from ballot_vote where ballot_id = " + ballot)).isEqualTo(1);
        Map<String, Object> results = results(first, ballot);
        assertThat(results.get("votedHouseholds")).isEqualTo(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> counts = (List<Map<String, Object>>) results.get("options");
        assertThat(counts).extracting(c -> c.get("votes")).containsExactly(1, 0);
        assertThat(counts.get(0)).extractingByKey("option").extracting("label").isEqualTo("加装电梯");
        // both members see that their household voted, and its current choice
        GraphQlTester.Response mine = api(first.client(), "Ballot").variable("id", ballot).execute();
        mine.path("ballot.myHouseholds[0].voted").entity(Boolean.class).isEqualTo(true);
        mine.path("ballot.myHouseholds[0].vote.optionIds").entityList(String.class).containsExactly(options.get(1));
    }

    @Test
    void refusalsHaveTheirCodes() {
        Community community = newCommunity();
        List<String> households = community.first(2);
        Login member = verifiedMember(community, households.get(0));
        String ballot = createBallot(community.staff(),
                ballotInput(community, "NEEDS", "PICK_UP_TO_N", List.of("修路灯", "加装电梯", "增设车棚")));
        transition(community.staff(), "OpenBallot", ballot).errors().verify();
        List<String> options = optionIds(member, ballot);

        // not verified anywhere
        expectCode(vote(login("ballot-stranger-" + UUID.randomUUID()), ballot, List.of(options.get(0)), null),
                "NOT_ELIGIBLE_TO_VOTE");
        // verified after the ballot opened: in an eligible household, and in one that had nobody verified before
        expectCode(vote(verifiedMember(community, households.get(0)), ballot, List.of(options.get(0)), null),
                "VERIFIED_AFTER_BALLOT_OPENED");
        expectCode(vote(verifiedMember(community, households.get(1)), ballot, List.of(options.get(0)), null),
                "VERIFIED_AFTER_BALLOT_OPENED");
        // a verified resident of another community (the demo resident of 锦城社区)
        expectCode(vote(resident(), ballot, List.of(options.get(0)), null), "BALLOT_OTHER_COMMUNITY");
        // invalid picks: over N (maxPicks defaults to 3 of 3 — use a duplicate and an unknown one), none
        expectCode(vote(member, ballot, List.of(options.get(0), options.get(0)), null), "INVALID_BALLOT_CHOICE");
        expectCode(vote(member, ballot, List.of("999999999"), null), "INVALID_BALLOT_CHOICE");
        expectCode(vote(member, ballot, List.of(), null), "INVALID_BALLOT_CHOICE");

        // replays: the same key and body answer once; the same key with another body is refused
        String key = "vote-" + UUID.randomUUID();
        vote(member, ballot, List.of(options.get(0), options.get(1)), key).errors().verify();
        GraphQlTester.Response replay = vote(member, ballot, List.of(options.get(0), options.get(1)), key);
        replay.errors().verify();
        replay.path("castBallotVote.version").entity(Integer.class).isEqualTo(1);
        expectCode(vote(member, ballot, List.of(options.get(2)), key), "IDEMPOTENCY_KEY_REUSED");
        assertThat(count("select version from ballot_vote where ballot_id = " + ballot)).isEqualTo(1);

        // after closing: refused, but a replay still gets its first answer
        transition(community.staff(), "CloseBallot", ballot).path("closeBallot.status").entity(String.class)
                .isEqualTo("CLOSED");
        expectCode(vote(member, ballot, List.of(options.get(2)), null), "BALLOT_CLOSED");
        vote(member, ballot, List.of(options.get(0), options.get(1)), key).errors().verify();
    }

    @Test
    void aBallotTakesNoVoteBeforeItOpensAndOnlyStaffOfItsCommunityRunIt() {
        Community community = newCommunity();
        Login member = verifiedMember(community, community.first(1).get(0));
        Map<String, Object> later = ballotInput(community, "PROJECT", "APPROVE", List.of());
        later.put("opensAt", java.time.Instant.now().plusSeconds(3600).toString());
        String ballot = createBallot(community.staff(), later);
        // a draft is the staff's alone
        expectCode(api(member.client(), "Ballot").variable("id", ballot).execute(), "FORBIDDEN");
        transition(community.staff(), "OpenBallot", ballot).path("openBallot.status").entity(String.class)
                .isEqualTo("SCHEDULED");
        List<String> options = optionIds(member, ballot);
        expectCode(vote(member, ballot, List.of(options.get(0)), null), "BALLOT_NOT_OPEN");

        // a resident cannot run ballots; staff of another community neither; a published ballot is not edited
        expectCode(api(member.client(), "CreateBallot").variable("input", ballotInput(community, "PROJECT", "APPROVE",
                List.of())).execute(), "FORBIDDEN");
        expectCode(transition(staff(), "CloseBallot", ballot), "FORBIDDEN");
        expectCode(transition(staff(), "CancelBallot", ballot), "FORBIDDEN");
        Map<String, Object> edit = ballotInput(community, "PROJECT", "APPROVE", List.of());
        edit.remove("communityId");
        edit.put("ballotId", ballot);
        expectCode(api(community.staff().client(), "UpdateBallot").variable("input", edit).execute(),
                "BALLOT_INVALID_TRANSITION");
        transition(community.staff(), "CancelBallot", ballot).path("cancelBallot.status").entity(String.class)
                .isEqualTo("CANCELLED");
        expectCode(vote(member, ballot, List.of(options.get(0)), null), "BALLOT_CLOSED");
        assertThat(count("select count(*) from audit_event where subject = 'BALLOT' and subject_id = " + ballot
                + " and community_id = " + community.id())).isEqualTo(3); // created, published, cancelled
    }
}
