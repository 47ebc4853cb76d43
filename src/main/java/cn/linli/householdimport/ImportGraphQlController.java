package cn.linli.householdimport;

import java.util.List;
import java.util.Map;

import cn.linli.community.Community;
import cn.linli.community.CommunityService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of household imports: the report (dry run) and the commit. */
@Controller
class ImportGraphQlController {

    private final ImportReports reports;
    private final ImportCommits commits;
    private final CommunityService communities;

    ImportGraphQlController(ImportReports reports, ImportCommits commits, CommunityService communities) {
        this.reports = reports;
        this.commits = commits;
        this.communities = communities;
    }

    record CommitHouseholdImportInput(String importId) {
    }

    @QueryMapping
    Mono<HouseholdImport> householdImport(@Argument String id, Viewer viewer) {
        return reports.householdImport(viewer, id);
    }

    @MutationMapping
    Mono<HouseholdImport> commitHouseholdImport(@Argument CommitHouseholdImportInput input, Viewer viewer) {
        return commits.commit(viewer, input.importId());
    }

    /** Only one import is ever asked for at a time, so this runs once per request (the import was access-checked). */
    @SchemaMapping(typeName = "HouseholdImport", field = "rows")
    Mono<Connection<ReportRow>> rows(HouseholdImport parent, @Argument @Nullable Integer first,
                                     @Argument @Nullable String after, @Argument @Nullable ImportOutcome outcome) {
        return reports.rows(parent, first, after, outcome);
    }

    @BatchMapping(typeName = "HouseholdImport", field = "community")
    Mono<Map<HouseholdImport, Community>> community(List<HouseholdImport> held) {
        return Batches.one(held, HouseholdImport::communityId, communities::communitiesByIds);
    }
}
