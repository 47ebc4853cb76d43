package cn.linli.timebank;

import java.util.List;
import java.util.Map;

import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of volunteer activities. */
@Controller
class VolunteerController {

    private final VolunteerService service;

    VolunteerController(VolunteerService service) {
        this.service = service;
    }

    record SignUpInput(String activityId) {
    }

    @QueryMapping
    Mono<Connection<VolunteerActivity>> volunteerActivities(@Argument String communityId, @Argument @Nullable Integer first,
                                                            @Argument @Nullable String after) {
        return service.ofCommunity(communityId, first, after);
    }

    @MutationMapping
    Mono<VolunteerActivity> createVolunteerActivity(@Argument VolunteerService.CreateVolunteerActivityInput input) {
        return service.create(input);
    }

    @MutationMapping
    Mono<VolunteerActivity> signUpVolunteerActivity(@Argument SignUpInput input) {
        return service.signUp(input.activityId());
    }

    @MutationMapping
    Mono<VolunteerSignup> recordVolunteerAttendance(@Argument VolunteerService.RecordAttendanceInput input) {
        return service.recordAttendance(input);
    }

    @BatchMapping(typeName = "VolunteerActivity", field = "signups")
    Mono<Map<VolunteerActivity, List<VolunteerSignup>>> signupsOfActivity(List<VolunteerActivity> list) {
        return Batches.one(list, VolunteerActivity::id, ids -> service.signupsVisibleToViewer(list));
    }

    @BatchMapping(typeName = "VolunteerActivity", field = "mySignup")
    Mono<Map<VolunteerActivity, VolunteerSignup>> mySignupOfActivity(List<VolunteerActivity> list) {
        return Batches.one(list, VolunteerActivity::id, service::mySignups);
    }
}
