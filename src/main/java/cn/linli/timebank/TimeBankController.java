package cn.linli.timebank;

import java.util.List;

import cn.linli.platform.pagination.Connection;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of the time bank. */
@Controller
class TimeBankController {

    private final TimeBankService service;

    TimeBankController(TimeBankService service) {
        this.service = service;
    }

    @QueryMapping
    Mono<TimeBankInputs.TimeBankView> myTimeBank() {
        return service.myTimeBank();
    }

    /** Only ever one parent (the viewer's own time bank), so no batching is needed. */
    @SchemaMapping(typeName = "TimeBank", field = "statement")
    Mono<Connection<StatementEntry>> statement(TimeBankInputs.TimeBankView view, @Argument @Nullable Integer first,
                                               @Argument @Nullable String after) {
        return service.statement(view, first, after);
    }

    @QueryMapping
    Mono<TimeBankInputs.TimeBankRulesView> timeBankRules(@Argument String communityId) {
        return service.rules(communityId);
    }

    @QueryMapping
    Mono<TimeBankInputs.ReconciliationView> timeBankReconciliation(@Argument String communityId) {
        return service.reconciliation(communityId);
    }

    @QueryMapping
    Mono<List<TimeBankInputs.LeaderboardEntry>> volunteerLeaderboard(@Argument String communityId,
                                                                     @Argument @Nullable Integer first) {
        return service.leaderboard(communityId, first);
    }

    @MutationMapping
    Mono<TimeBankInputs.PointsMovement> grantPoints(@Argument TimeBankInputs.GrantPointsInput input) {
        return service.grantPoints(input, false);
    }

    @MutationMapping
    Mono<TimeBankInputs.PointsMovement> grantFromPool(@Argument TimeBankInputs.GrantPointsInput input) {
        return service.grantPoints(input, true);
    }

    @MutationMapping
    Mono<TimeBankInputs.PointsMovement> transferPoints(@Argument TimeBankInputs.TransferPointsInput input) {
        return service.transferPoints(input);
    }

    @MutationMapping
    Mono<TimeBankInputs.PointsMovement> donatePoints(@Argument TimeBankInputs.DonatePointsInput input) {
        return service.donatePoints(input);
    }

    @MutationMapping
    Mono<TimeBankInputs.TimeBankRulesView> setTimeBankRules(@Argument TimeBankInputs.SetTimeBankRulesInput input) {
        return service.setRules(input);
    }
}
