package cn.linli.audit;

import cn.linli.community.CommunityService;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Reading the audit trail: a community's entries for its staff (and administrators); the whole trail, including
 * platform-level entries, for administrators only.
 */
@Controller
class AuditController {

    private final AuditRepository repository;
    private final CommunityService communities;

    AuditController(AuditRepository repository, CommunityService communities) {
        this.repository = repository;
        this.communities = communities;
    }

    @QueryMapping
    Mono<Connection<AuditEntry>> auditLog(@Argument @Nullable String communityId, @Argument @Nullable AuditSubject subject,
                                          @Argument @Nullable String subjectId, @Argument @Nullable Integer first,
                                          @Argument @Nullable String after, Viewer viewer) {
        return Mono.defer(() -> {
            PageRequest page = PageRequest.of(first, after);
            Long community = Ids.parseOptional(communityId, "communityId");
            Long subjectKey = Ids.parseOptional(subjectId, "subjectId");
            Mono<Void> allowed = community != null ? communities.requireOverseerOf(viewer, community)
                    : viewer.has(Role.ADMIN) ? Mono.empty() : Mono.error(LinliException.forbidden());
            return allowed.then(repository.entries(community, subject, subjectKey, page).collectList())
                    .map(rows -> Connection.of(rows, page, AuditEntry::position));
        });
    }
}
