package cn.linli.timebank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Volunteer activities: places never overfilled, attendance pays once. */
class VolunteerE2ETest extends TimeBankTestBase {

    private String newActivity(Login staff, int slots) {
        GraphQlTester.Response created = api(staff.client(), "CreateVolunteerActivity").variable("input", Map.of(
                "communityId", String.valueOf(jincheng()), "title", "周末楼道清洁", "place", "锦江苑 1栋",
                "startsAt", "2030-06-01T09:00:00+08:00", "endsAt", "2030-06-01T11:00:00+08:00",
                "slots", slots, "pointsPerHour", 12)).execute();
        created.errors().verify();
        return created.path("createVolunteerActivity.id").entity(String.class).get();
    }

    @Test
    void tenResidentsRaceForThreePlaces() throws Exception {
        Login staff = staff();
        String activity = newActivity(staff, 3);
        List<Login> residents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            residents.add(login(newFamily().headCode()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<String> outcomes = new ArrayList<>();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Login resident : residents) {
                Callable<String> call = () -> {
                    start.await();
                    List<String> codes = new ArrayList<>();
                    api(resident.client(), "SignUpVolunteerActivity").variable("input", Map.of("activityId", activity))
                            .execute().errors().satisfy(es -> es.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
                    return codes.isEmpty() ? "OK" : String.join(",", codes);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn("OK"::equals).hasSize(3);
        assertThat(outcomes).filteredOn("ACTIVITY_FULL"::equals).hasSize(7);
        assertThat(count("select signed_up from volunteer_activity where id = " + activity)).isEqualTo(3);
        assertThat(count("select count(*) from volunteer_signup where activity_id = " + activity)).isEqualTo(3);
    }

    @Test
    void attendanceEarnsPointsOnceAndOnlyStaffRecordIt() {
        Login staff = staff();
        String activity = newActivity(staff, 5);
        Family family = newFamily();
        Login volunteer = login(family.headCode());
        api(volunteer.client(), "SignUpVolunteerActivity").variable("input", Map.of("activityId", activity)).execute()
                .path("signUpVolunteerActivity.mySignup.attendedMinutes").valueIsNull();
        api(volunteer.client(), "SignUpVolunteerActivity").variable("input", Map.of("activityId", activity)).execute()
                .errors().expect(e -> "ALREADY_SIGNED_UP".equals(e.getExtensions().get("code"))).verify();

        Map<String, Object> attendance = Map.of("activityId", activity, "accountId", String.valueOf(family.headId()),
                "minutes", 120);
        api(volunteer.client(), "RecordVolunteerAttendance").variable("input", attendance).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        api(staff.client(), "RecordVolunteerAttendance").variable("input", attendance).execute()
                .path("recordVolunteerAttendance.attendedMinutes").entity(Integer.class).isEqualTo(120);
        assertThat(balanceOf(family.headId())).as("two hours at 12 an hour").isEqualTo(24);
        api(staff.client(), "RecordVolunteerAttendance").variable("input", attendance).execute()
                .errors().expect(e -> "ATTENDANCE_ALREADY_RECORDED".equals(e.getExtensions().get("code"))).verify();
        assertThat(balanceOf(family.headId())).isEqualTo(24);

        // staff see who signed up; residents do not
        api(staff.client(), "VolunteerActivities").variable("communityId", jincheng()).variable("first", 100).execute()
                .path("volunteerActivities.edges[*].node.signups[*].accountId").entityList(String.class)
                .contains(String.valueOf(family.headId()));
        api(volunteer.client(), "VolunteerActivities").variable("communityId", jincheng()).variable("first", 100).execute()
                .path("volunteerActivities.edges[0].node.signups").valueIsNull();
        expectBalanced(staff);
    }
}
