package cn.linli.festival;

import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mapping of the pledges a campaign's staff confirm (the staff console's 物资与志愿者). */
@Controller
class PledgesToConfirmController {

    private final PledgesToConfirm pledges;

    PledgesToConfirmController(PledgesToConfirm pledges) {
        this.pledges = pledges;
    }

    @QueryMapping
    Mono<Connection<PledgesToConfirm.Line>> campaignPledgesToConfirm(@Argument String campaignId,
                                                                     @Argument @Nullable Integer first,
                                                                     @Argument @Nullable String after, Viewer viewer) {
        return pledges.page(viewer, campaignId, first, after);
    }
}
