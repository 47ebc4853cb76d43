package cn.linli.ballot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ballots open and close by durable timers exactly once: two pollers racing for the same due timer (two instances)
 * change the ballot once, and a poll after that (a restart) changes nothing. The reminder reaches only households that
 * have not voted, once.
 */
class BallotTimersE2ETest extends BallotTestBase {

    @Test
    void aPublishedBallotOpensByItsTimerOnce() {
        Community community = newCommunity();
        Login member = verifiedMember(community, community.first(1).get(0));
        Map<String, Object> later = ballotInput(community, "PROJECT", "APPROVE", List.of());
        later.put("opensAt", Instant.now().plusSeconds(3600).toString());
        String ballot = createBallot(community.staff(), later);
        transition(community.staff(), "OpenBallot", ballot).errors().verify();
        assertThat(status(ballot)).isEqualTo("SCHEDULED");

        dueNow("BALLOT_OPEN", Long.parseLong(ballot));
        Mono.zip(timers.runDue(), timers.runDue()).block(Duration.ofSeconds(60));
        timers.runDue().block(Duration.ofSeconds(60));

        assertThat(status(ballot)).isEqualTo("OPEN");
        assertThat(count("select count(*) from ballot_eligible where ballot_id = " + ballot)).isEqualTo(1);
        assertThat(count("select count(*) from notification where kind = 'BALLOT_OPENED' and account_id = "
                + member.accountId())).isEqualTo(1);
        assertThat(count("select count(*) from timer where kind = 'BALLOT_OPEN' and subject_id = " + ballot)).isZero();
        vote(member, ballot, List.of(optionIds(member, ballot).get(0)), null).errors().verify();
    }

    @Test
    void anOpenBallotClosesByItsTimerExactlyOnce() {
        Community community = newCommunity();
        Login member = verifiedMember(community, community.first(1).get(0));
        String ballot = openApproveBallot(community);
        List<String> options = optionIds(member, ballot);
        vote(member, ballot, List.of(options.get(0)), null).errors().verify();

        dueNow("BALLOT_CLOSE", Long.parseLong(ballot));
        Mono.zip(timers.runDue(), timers.runDue()).block(Duration.ofSeconds(60));
        assertThat(status(ballot)).isEqualTo("CLOSED");
        String closedAt = closedAt(ballot);

        // a restart: the next poll finds nothing of this ballot to do
        timers.runDue().block(Duration.ofSeconds(60));
        assertThat(closedAt(ballot)).isEqualTo(closedAt);
        assertThat(count("select count(*) from timer where kind = 'BALLOT_CLOSE' and subject_id = " + ballot)).isZero();
        expectCode(vote(member, ballot, List.of(options.get(1)), null), "BALLOT_CLOSED");
        Map<String, Object> results = results(member, ballot);
        assertThat(results.get("status")).isEqualTo("CLOSED");
        assertThat(results.get("passed")).isEqualTo(true);
        // closing early by staff after the timer: refused, the ballot is closed
        expectCode(transition(community.staff(), "CloseBallot", ballot), "BALLOT_INVALID_TRANSITION");
    }

    @Test
    void theReminderReachesHouseholdsThatHaveNotVotedOnce() {
        Community community = newCommunity();
        List<String> households = community.first(2);
        Login voter = verifiedMember(community, households.get(0));
        Login late = verifiedMember(community, households.get(1));
        String ballot = openApproveBallot(community);
        vote(voter, ballot, List.of(optionIds(voter, ballot).get(0)), null).errors().verify();

        dueNow("BALLOT_REMIND", Long.parseLong(ballot));
        Mono.zip(timers.runDue(), timers.runDue()).block(Duration.ofSeconds(60));
        timers.runDue().block(Duration.ofSeconds(60));

        assertThat(reminders(late)).isEqualTo(1);
        assertThat(reminders(voter)).isZero();
    }

    private long reminders(Login who) {
        return count("select count(*) from notification where kind = 'BALLOT_REMINDER' and account_id = " + who.accountId());
    }

    private String status(String ballot) {
        return db.sql("select status from ballot where id = " + ballot).map(row -> row.get(0, String.class)).one()
                .block(Duration.ofSeconds(10));
    }

    private String closedAt(String ballot) {
        return db.sql("select closed_at::text from ballot where id = " + ballot).map(row -> row.get(0, String.class))
                .one().block(Duration.ofSeconds(10));
    }
}
