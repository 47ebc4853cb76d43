package cn.linli.timebank;

import java.util.List;
import java.util.Map;

import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * GraphQL mappings of volunteer activities. Batch loaders cannot take the {@link Viewer} argument, so they read it
 * here, at the edge, and hand it to the service like every other mapping.
 */
@Controller
class VolunteerController {

    private final VolunteerService service;

    VolunteerController(VolunteerService service) {
        this.service = service;
    }

    @QueryMapping
    Mono<Connection<VolunteerActivity>> volunteerActivities(@Argument String communityId, @Argument @Nullable Integer first,
                                                            @Argument @Nullable String after, Viewer viewer) {
        return service.ofCommunity(communityId, first, after);
    }

    @MutationMapping
    Mono<VolunteerActivity> createVolunteerActivity(@Argument @Valid VolunteerInputs.CreateVolunteerActivityInput input,
                                                    Viewer viewer) {
        return service.create(viewer, input);
    }

    @MutationMapping
    Mono<VolunteerActivity> signUpVolunteerActivity(@Argument VolunteerInputs.SignUpInput input, Viewer viewer) {
        return service.signUp(viewer, input.activityId());
    }

    @MutationMapping
    Mono<VolunteerSignup> recordVolunteerAttendance(@Argument @Valid VolunteerInputs.RecordAttendanceInput input,
                                                    Viewer viewer) {
        return service.recordAttendance(viewer, input);
    }

    @BatchMapping(typeName = "VolunteerActivity", field = "signups")
    Mono<Map<VolunteerActivity, List<VolunteerSignup>>> signupsOfActivity(List<VolunteerActivity> list) {
        return Batches.one(list, VolunteerActivity::id,
                ids -> Viewers.current().flatMap(viewer -> service.signupsVisibleTo(viewer, list)));
    }

    @BatchMapping(typeName = "VolunteerActivity", field = "mySignup")
    Mono<Map<VolunteerActivity, VolunteerSignup>> mySignupOfActivity(List<VolunteerActivity> list) {
        return Batches.one(list, VolunteerActivity::id,
                ids -> Viewers.current().flatMap(viewer -> service.mySignups(viewer, ids)));
    }
}
