package cn.linli.project;

import java.util.Collection;
import java.util.Set;

import cn.linli.platform.db.Binds;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of {@code project_resource} (资源清单), and whether a partner serves a community. */
@Repository
class ResourceRepository {

    private static final String SELECT = """
            select r.id, r.community_id, r.kind, r.title, r.description, r.quantity, r.unit, r.partner_id, r.unit_name,
                   coalesce(p.name, r.unit_name) as offered_by_name, r.offered_by, r.status, r.project_id,
                   r.created_at, r.updated_at
              from project_resource r left join partner p on p.id = r.partner_id
            """;

    private final DatabaseClient db;

    ResourceRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewResource(long communityId, ResourceKind kind, String title, @Nullable String description, long quantity,
                       String unit, @Nullable Long partnerId, @Nullable String unitName, long offeredBy) {
    }

    Mono<Resource> insert(NewResource row) {
        return db.sql("""
                        insert into project_resource (community_id, kind, title, description, quantity, unit, partner_id,
                                                      unit_name, offered_by, status)
                        values (:community, :kind, :title, :description, :quantity, :unit, :partner, :unitName, :by,
                                :status)
                        returning id
                        """)
                .bind("community", row.communityId()).bind("kind", row.kind().name()).bind("title", row.title())
                .bind("description", Binds.nullable(row.description(), String.class))
                .bind("quantity", row.quantity()).bind("unit", row.unit())
                .bind("partner", Binds.nullable(row.partnerId(), Long.class))
                .bind("unitName", Binds.nullable(row.unitName(), String.class))
                .bind("by", row.offeredBy()).bind("status", ResourceLifecycle.INITIAL.name())
                .map(r -> r.get("id", Long.class)).one()
                .flatMap(this::find);
    }

    Mono<Resource> find(long id) {
        return db.sql(SELECT + " where r.id = :id").bind("id", id).mapProperties(Resource.class).one();
    }

    Mono<Resource> lock(long id) {
        return db.sql("select id from project_resource where id = :id for update").bind("id", id)
                .map(r -> r.get("id", Long.class)).one().flatMap(this::find);
    }

    /** What a viewer may list of a community's resources: some statuses, and only one partner's when set. */
    record Visible(Set<ResourceStatus> statuses, @Nullable Long partnerId) {
    }

    Flux<Resource> ofCommunity(long communityId, Visible visible, PageRequest page) {
        var spec = db.sql(SELECT + """
                 where r.community_id = :community and r.status = any(:statuses)
                   and (cast(:partner as bigint) is null or r.partner_id = :partner)
                   and\s""" + PageRequest.before("r.") + """
                 order by r.created_at desc, r.id desc
                 limit :limit
                """)
                .bind("community", communityId)
                .bind("statuses", ResourceStatus.names(visible.statuses()))
                .bind("partner", Binds.nullable(visible.partnerId(), Long.class));
        return page.bind(spec).mapProperties(Resource.class).all();
    }

    Flux<Resource> ofProjects(Collection<Long> projectIds) {
        return db.sql(SELECT + " where r.project_id = any(:ids) order by r.project_id, r.id")
                .bind("ids", projectIds.toArray(Long[]::new))
                .mapProperties(Resource.class).all();
    }

    Mono<Resource> withdraw(long id, Set<ResourceStatus> from, ResourceStatus to) {
        return db.sql("""
                        update project_resource set status = :to, updated_at = now()
                         where id = :id and status = any(:from) returning id
                        """)
                .bind("id", id).bind("from", ResourceStatus.names(from)).bind("to", to.name())
                .map(r -> r.get("id", Long.class)).one().flatMap(this::find);
    }

    Mono<Resource> pledge(long id, Set<ResourceStatus> from, ResourceStatus to, long projectId) {
        return db.sql("""
                        update project_resource set status = :to, project_id = :project, updated_at = now()
                         where id = :id and status = any(:from) returning id
                        """)
                .bind("id", id).bind("from", ResourceStatus.names(from)).bind("to", to.name())
                .bind("project", projectId)
                .map(r -> r.get("id", Long.class)).one().flatMap(this::find);
    }

    /** The project completed: its pledged resources were used. */
    Mono<Long> useAllOf(long projectId, Set<ResourceStatus> from, ResourceStatus to) {
        return db.sql("""
                        update project_resource set status = :to, updated_at = now()
                         where project_id = :project and status = any(:from)
                        """)
                .bind("project", projectId).bind("from", ResourceStatus.names(from)).bind("to", to.name())
                .fetch().rowsUpdated();
    }

    /** The project was cancelled: its pledged resources are offered again, to no project. */
    Mono<Long> releaseAllOf(long projectId, Set<ResourceStatus> from, ResourceStatus to) {
        return db.sql("""
                        update project_resource set status = :to, project_id = null, updated_at = now()
                         where project_id = :project and status = any(:from)
                        """)
                .bind("project", projectId).bind("from", ResourceStatus.names(from)).bind("to", to.name())
                .fetch().rowsUpdated();
    }

    /** Whether the partner has a contract with the community that has not ended (契约化共建). */
    Mono<Boolean> partnerServes(long partnerId, long communityId) {
        return db.sql("""
                        select exists (select 1 from partner_contract where partner_id = :partner
                                         and community_id = :community and valid_to >= current_date) as found
                        """)
                .bind("partner", partnerId).bind("community", communityId)
                .map(r -> Boolean.TRUE.equals(r.get("found", Boolean.class))).one();
    }
}
