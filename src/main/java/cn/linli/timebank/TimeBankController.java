package cn.linli.timebank;

import java.util.List;

import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of the time bank; every field needs a signed-in viewer. */
@Controller
class TimeBankController {

    private static final String LEADERBOARD_RANGE = "名次数量须在 1 到 50 之间";

    private final TimeBankQueries queries;
    private final PointsGiving giving;

    TimeBankController(TimeBankQueries queries, PointsGiving giving) {
        this.queries = queries;
        this.giving = giving;
    }

    @QueryMapping
    Mono<TimeBankInputs.TimeBankView> myTimeBank(Viewer viewer) {
        return queries.myTimeBank(viewer);
    }

    /** Only ever one parent (the viewer's own time bank), so no batching is needed. */
    @SchemaMapping(typeName = "TimeBank", field = "statement")
    Mono<Connection<StatementEntry>> statement(TimeBankInputs.TimeBankView view, @Argument @Nullable Integer first,
                                               @Argument @Nullable String after) {
        return queries.statement(view, first, after);
    }

    @QueryMapping
    Mono<TimeBankInputs.TimeBankRulesView> timeBankRules(@Argument String communityId, Viewer viewer) {
        return queries.rules(communityId);
    }

    @QueryMapping
    Mono<TimeBankInputs.ReconciliationView> timeBankReconciliation(@Argument String communityId, Viewer viewer) {
        return queries.reconciliation(viewer, communityId);
    }

    @QueryMapping
    Mono<List<TimeBankInputs.LeaderboardEntry>> volunteerLeaderboard(
            @Argument String communityId,
            @Argument @Nullable @Min(value = 1, message = LEADERBOARD_RANGE) @Max(value = 50, message = LEADERBOARD_RANGE)
            Integer first,
            Viewer viewer) {
        return queries.leaderboard(communityId, first);
    }

    @MutationMapping
    Mono<TimeBankInputs.PointsMovement> grantPoints(@Argument @Valid TimeBankInputs.GrantPointsInput input, Viewer viewer) {
        return giving.grant(viewer, input, false);
    }

    @MutationMapping
    Mono<TimeBankInputs.PointsMovement> grantFromPool(@Argument @Valid TimeBankInputs.GrantPointsInput input,
                                                      Viewer viewer) {
        return giving.grant(viewer, input, true);
    }

    @MutationMapping
    Mono<TimeBankInputs.PointsMovement> transferPoints(@Argument @Valid TimeBankInputs.TransferPointsInput input,
                                                       Viewer viewer) {
        return giving.transfer(viewer, input);
    }

    @MutationMapping
    Mono<TimeBankInputs.PointsMovement> donatePoints(@Argument @Valid TimeBankInputs.DonatePointsInput input,
                                                     Viewer viewer) {
        return giving.donate(viewer, input);
    }

    @MutationMapping
    Mono<TimeBankInputs.TimeBankRulesView> setTimeBankRules(@Argument @Valid TimeBankInputs.SetTimeBankRulesInput input,
                                                            Viewer viewer) {
        return queries.setRules(viewer, input);
    }
}
