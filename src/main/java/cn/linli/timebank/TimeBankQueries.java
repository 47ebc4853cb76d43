package cn.linli.timebank;

import java.util.List;

import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading the time bank: one's own balance and statement, a community's rules, the books' reconciliation. */
@Service
class TimeBankQueries {

    private final Ledger ledger;
    private final TimeBankRepository repository;
    private final HoldRepository holds;
    private final TimeBankAccess access;
    private final Leaderboard leaderboard;

    TimeBankQueries(Ledger ledger, TimeBankRepository repository, HoldRepository holds, TimeBankAccess access,
                    Leaderboard leaderboard) {
        this.ledger = ledger;
        this.repository = repository;
        this.holds = holds;
        this.access = access;
        this.leaderboard = leaderboard;
    }

    Mono<TimeBankInputs.TimeBankView> myTimeBank(Viewer viewer) {
        return ledger.personAccount(viewer.accountId())
                .flatMap(account -> Mono.zip(ledger.balance(account), holds.openPoints(viewer.accountId()))
                        .map(t -> new TimeBankInputs.TimeBankView(account, t.getT1(), t.getT2())));
    }

    Mono<Connection<StatementEntry>> statement(TimeBankInputs.TimeBankView view, @Nullable Integer first,
                                               @Nullable String after) {
        return Mono.defer(() -> {
            PageRequest page = PageRequest.of(first, after);
            return repository.statement(view.ledgerAccountId(), page).collectList()
                    .map(rows -> Connection.of(rows, page, StatementEntry::position));
        });
    }

    Mono<TimeBankInputs.TimeBankRulesView> rules(String communityId) {
        return Mono.defer(() -> repository.rules(Ids.parse(communityId, "communityId"))
                .map(rules -> TimeBankInputs.TimeBankRulesView.of(communityId, rules)));
    }

    /** Staff: set the community's rate, storage cap and expiry. */
    Mono<TimeBankInputs.TimeBankRulesView> setRules(Viewer viewer, TimeBankInputs.SetTimeBankRulesInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            var rules = new TimeBankRepository.Rules(community, input.pointsPerHour(), input.storageCap(),
                    input.expiryMonths());
            return access.requireStaff(viewer, community)
                    .then(repository.saveRules(rules))
                    .thenReturn(TimeBankInputs.TimeBankRulesView.of(input.communityId(), rules));
        });
    }

    Mono<TimeBankInputs.ReconciliationView> reconciliation(Viewer viewer, String communityId) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            return access.requireStaff(viewer, community)
                    .then(Mono.zip(repository.reconciliationBreaks(), repository.totals(community)))
                    .map(t -> new TimeBankInputs.ReconciliationView(t.getT1().isEmpty(), (int) t.getT2().accounts(),
                            (int) t.getT2().transactions(), t.getT2().issued(), t.getT1()));
        });
    }

    /** The top {@code first} volunteers (10 unless asked; the controller checks 1 to 50). */
    Mono<List<TimeBankInputs.LeaderboardEntry>> leaderboard(String communityId, @Nullable Integer first) {
        return Mono.defer(() -> leaderboard.top(Ids.parse(communityId, "communityId"), first == null ? 10 : first));
    }
}
