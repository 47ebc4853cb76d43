package cn.linli.partner;

import java.util.List;
import java.util.Map;

import cn.linli.platform.graphql.Batches;
import cn.linli.platform.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of invitations to join a partner, leaving it and removing members. */
@Controller
class PartnerMembershipController {

    private final PartnerInvitations invitations;
    private final PartnerMemberships memberships;
    private final PartnerService partners;

    PartnerMembershipController(PartnerInvitations invitations, PartnerMemberships memberships, PartnerService partners) {
        this.invitations = invitations;
        this.memberships = memberships;
        this.partners = partners;
    }

    @QueryMapping
    Mono<List<PartnerInvitation>> myPartnerInvitations(Viewer viewer) {
        return invitations.mine(viewer);
    }

    @MutationMapping
    Mono<Partner> acceptPartnerInvitation(@Argument ApplicationInputs.AnswerPartnerInvitationInput input, Viewer viewer) {
        return invitations.accept(viewer, input);
    }

    @MutationMapping
    Mono<PartnerInvitation> declinePartnerInvitation(@Argument ApplicationInputs.AnswerPartnerInvitationInput input,
                                                     Viewer viewer) {
        return invitations.decline(viewer, input);
    }

    @MutationMapping
    Mono<Partner> leavePartner(@Argument ApplicationInputs.LeavePartnerInput input, Viewer viewer) {
        return memberships.leave(viewer, input);
    }

    @MutationMapping
    Mono<Partner> removePartnerMember(@Argument ApplicationInputs.RemovePartnerMemberInput input, Viewer viewer) {
        return memberships.remove(viewer, input);
    }

    @BatchMapping(typeName = "PartnerInvitation", field = "partner")
    Mono<Map<PartnerInvitation, Partner>> partnerOfInvitation(List<PartnerInvitation> list) {
        return Batches.one(list, PartnerInvitation::partnerId, partners::partnersByIds);
    }
}
