package cn.linli.timebank;

import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of a community's time bank by month (staff). */
@Controller
class CommunityMonthController {

    private final CommunityMonthQueries queries;

    CommunityMonthController(CommunityMonthQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    Mono<CommunityMonthQueries.MonthView> communityTimeBankMonth(@Argument String communityId, @Argument String month,
                                                                 Viewer viewer) {
        return queries.month(viewer, communityId, month);
    }

    /** Only ever one parent per request (the month asked for), so no batching is needed. */
    @SchemaMapping(typeName = "CommunityTimeBankMonth", field = "statement")
    Mono<Connection<StatementEntry>> statement(CommunityMonthQueries.MonthView view, @Argument @Nullable Integer first,
                                               @Argument @Nullable String after) {
        return queries.statement(view, first, after);
    }
}
