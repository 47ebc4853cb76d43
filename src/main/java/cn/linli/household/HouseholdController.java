package cn.linli.household;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.community.Resident;
import cn.linli.household.HouseholdInputs.HandOverHouseholdHeadInput;
import cn.linli.household.HouseholdInputs.HouseholdMemberInput;
import cn.linli.household.HouseholdInputs.LeaveHouseholdInput;
import cn.linli.household.HouseholdInputs.RejectVerificationRequestInput;
import cn.linli.household.HouseholdInputs.RequestHouseholdVerificationInput;
import cn.linli.household.HouseholdInputs.VerificationRequestIdInput;
import cn.linli.photo.PhotoService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of 房屋认证 and household membership: the viewer and validated inputs go to each flow's service. */
@Controller
class HouseholdController {

    private final VerificationApplications applications;
    private final VerificationDecisions decisions;
    private final VerificationQueries queries;
    private final Memberships memberships;
    private final CommunityService communities;
    private final PhotoService photos;

    HouseholdController(VerificationApplications applications, VerificationDecisions decisions,
                        VerificationQueries queries, Memberships memberships, CommunityService communities,
                        PhotoService photos) {
        this.applications = applications;
        this.decisions = decisions;
        this.queries = queries;
        this.memberships = memberships;
        this.communities = communities;
        this.photos = photos;
    }

    @QueryMapping
    Mono<Connection<VerificationRequest>> myVerificationRequests(@Argument @Nullable Integer first,
                                                                 @Argument @Nullable String after, Viewer viewer) {
        return queries.mine(viewer, first, after);
    }

    @QueryMapping
    Mono<Connection<VerificationRequest>> verificationRequestsToDecide(@Argument @Nullable VerificationStatus status,
                                                                       @Argument @Nullable Integer first,
                                                                       @Argument @Nullable String after, Viewer viewer) {
        return queries.toDecide(viewer, status, first, after);
    }

    @QueryMapping
    Mono<VerificationRequest> verificationRequest(@Argument String id, Viewer viewer) {
        return queries.one(viewer, id);
    }

    @MutationMapping
    Mono<VerificationRequest> requestHouseholdVerification(@Argument @Valid RequestHouseholdVerificationInput input,
                                                           Viewer viewer) {
        return applications.apply(viewer, input);
    }

    @MutationMapping
    Mono<VerificationRequest> withdrawVerificationRequest(@Argument VerificationRequestIdInput input, Viewer viewer) {
        return applications.withdraw(viewer, input.requestId());
    }

    @MutationMapping
    Mono<VerificationRequest> approveVerificationRequest(@Argument VerificationRequestIdInput input, Viewer viewer) {
        return decisions.approve(viewer, input.requestId());
    }

    @MutationMapping
    Mono<VerificationRequest> rejectVerificationRequest(@Argument @Valid RejectVerificationRequestInput input,
                                                        Viewer viewer) {
        return decisions.reject(viewer, input.requestId(), input.reason());
    }

    @MutationMapping
    Mono<Household> removeHouseholdMember(@Argument HouseholdMemberInput input, Viewer viewer) {
        return memberships.remove(viewer, input.householdId(), input.accountId());
    }

    @MutationMapping
    Mono<Household> handOverHouseholdHead(@Argument HandOverHouseholdHeadInput input, Viewer viewer) {
        return memberships.handOver(viewer, input.householdId(), input.toAccountId());
    }

    @MutationMapping
    Mono<Household> leaveHousehold(@Argument LeaveHouseholdInput input, Viewer viewer) {
        return memberships.leave(viewer, input.householdId());
    }

    @BatchMapping(typeName = "VerificationRequest", field = "household")
    Mono<Map<VerificationRequest, Household>> householdOfRequest(List<VerificationRequest> requests) {
        return Batches.one(requests, VerificationRequest::householdId, communities::householdsByIds);
    }

    /** A signed link, for whoever was allowed to load the request (its parties only). */
    @SchemaMapping(typeName = "VerificationRequest", field = "proofPhotoUrl")
    @Nullable String proofPhotoUrl(VerificationRequest request, GraphQLContext context) {
        return photos.url(request.proofPhotoId(), context);
    }

    @BatchMapping(typeName = "Resident", field = "relation")
    Mono<Map<Resident, HouseholdRelation>> relationOfResident(List<Resident> residents) {
        return queries.relations(residents.stream().map(Resident::householdId).toList()).map(byKey -> {
            Map<Resident, HouseholdRelation> result = new HashMap<>();
            for (Resident resident : residents) {
                HouseholdRelation relation = byKey.get(VerificationQueries.key(resident.householdId(), resident.id()));
                // a member who left while the page loaded: the head flag is still known
                result.put(resident, relation != null ? relation
                        : resident.isHead() ? HouseholdRelation.HEAD : HouseholdRelation.FAMILY);
            }
            return result;
        });
    }
}
