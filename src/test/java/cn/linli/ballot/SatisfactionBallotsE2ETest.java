package cn.linli.ballot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一户一票问效果: another feature opens the satisfaction ballot of a completed project through
 * {@link SatisfactionBallots#openFor}; twice (even at once) is still one ballot, open at once with 满意 / 基本满意 / 不满意,
 * and a household votes with a comment.
 */
class SatisfactionBallotsE2ETest extends BallotTestBase {

    @Autowired
    SatisfactionBallots satisfaction;

    @Test
    void oneSatisfactionBallotPerSubjectOpenAtOnce() {
        Community community = newCommunity();
        Login member = verifiedMember(community, community.first(1).get(0));
        long project = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        Instant closes = Instant.now().plus(Duration.ofDays(7));
        long communityId = Long.parseLong(community.id());

        var both = Mono.zip(
                satisfaction.openFor(communityId, BallotSubjectKind.PROJECT, project, "加装电梯项目满意度", closes),
                satisfaction.openFor(communityId, BallotSubjectKind.PROJECT, project, "加装电梯项目满意度", closes))
                .block(Duration.ofSeconds(30));
        Long again = satisfaction.openFor(communityId, BallotSubjectKind.PROJECT, project, "再来一次", closes)
                .block(Duration.ofSeconds(30));

        assertThat(both.getT1()).isEqualTo(both.getT2()).isEqualTo(again);
        assertThat(count("select count(*) from ballot where kind = 'SATISFACTION' and subject_id = " + project)).isEqualTo(1);
        String ballot = String.valueOf(again);
        GraphQlTester.Response shown = api(member.client(), "Ballot").variable("id", ballot).execute();
        shown.errors().verify();
        shown.path("ballot.status").entity(String.class).isEqualTo("OPEN");
        shown.path("ballot.kind").entity(String.class).isEqualTo("SATISFACTION");
        shown.path("ballot.options[*].label").entityList(String.class).containsExactly("满意", "基本满意", "不满意");
        shown.path("ballot.myHouseholds[0].canVote").entity(Boolean.class).isEqualTo(true);

        List<String> options = shown.path("ballot.options[*].id").entityList(String.class).get();
        var input = voteInput(ballot, List.of(options.get(1)), null);
        input.put("comment", "  电梯很好，噪音有点大  ");
        GraphQlTester.Response voted = api(member.client(), "CastBallotVote").variable("input", input).execute();
        voted.errors().verify();
        voted.path("castBallotVote.comment").entity(String.class).isEqualTo("电梯很好，噪音有点大");
        assertThat(results(member, ballot).get("majorityMet")).isEqualTo(true);
    }
}
