package cn.linli.project;

import java.util.Collection;
import java.util.Set;

import cn.linli.platform.db.Binds;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of {@code project}, its linked needs ({@code project_need}) and its sign-offs ({@code project_sign_off}). */
@Repository
class ProjectRepository {

    private static final String SELECT = """
            select p.id, p.community_id, p.title, p.goal, p.budget_fen, p.status, p.created_by, p.started_at,
                   p.submitted_at, p.completed_at, p.cancelled_at, p.ballot_id,
                   (select count(*) from project_sign_off s where s.project_id = p.id)::int as sign_off_count,
                   p.created_at, p.updated_at
              from project p
            """;

    private final DatabaseClient db;

    ProjectRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewProject(long communityId, String title, String goal, long budgetFen, long createdBy,
                      @Nullable String idempotencyKey, String requestHash) {
    }

    /** The new project, or nothing when its creator already made one under the same idempotency key. */
    Mono<Project> insert(NewProject row) {
        return db.sql("""
                        insert into project (community_id, title, goal, budget_fen, status, created_by, idempotency_key,
                                             request_hash)
                        values (:community, :title, :goal, :budget, :status, :by, :key, :hash)
                        on conflict (created_by, idempotency_key) where idempotency_key is not null do nothing
                        returning id
                        """)
                .bind("community", row.communityId()).bind("title", row.title()).bind("goal", row.goal())
                .bind("budget", row.budgetFen()).bind("status", ProjectLifecycle.INITIAL.name())
                .bind("by", row.createdBy())
                .bind("key", Binds.nullable(row.idempotencyKey(), String.class))
                .bind("hash", row.requestHash())
                .map(r -> r.get("id", Long.class)).one()
                .flatMap(this::find);
    }

    /** The project its creator made under this key, with the hash of the request that made it. */
    Mono<KeyedProject> findByKey(long createdBy, String idempotencyKey) {
        return db.sql("select id, request_hash from project where created_by = :by and idempotency_key = :key")
                .bind("by", createdBy).bind("key", idempotencyKey)
                .map(r -> new KeyedProject(r.get("id", Long.class), r.get("request_hash", String.class))).one();
    }

    record KeyedProject(long id, String requestHash) {
    }

    Mono<Project> find(long id) {
        return db.sql(SELECT + " where p.id = :id").bind("id", id).mapProperties(Project.class).one();
    }

    /** Locks the project row: every change of a project (and of its needs and resources) queues behind it. */
    Mono<Project> lock(long id) {
        return db.sql("select id from project where id = :id for update").bind("id", id)
                .map(r -> r.get("id", Long.class)).one()
                .flatMap(this::find);
    }

    Flux<Project> byIds(Collection<Long> ids) {
        return db.sql(SELECT + " where p.id = any(:ids)").bind("ids", ids.toArray(Long[]::new))
                .mapProperties(Project.class).all();
    }

    /** A community's projects, newest first, optionally only in some statuses. */
    Flux<Project> ofCommunity(long communityId, @Nullable Set<ProjectStatus> statuses, PageRequest page) {
        var spec = db.sql(SELECT + """
                 where p.community_id = :community
                   and (cast(:statuses as text[]) is null or p.status = any(:statuses))
                   and\s""" + PageRequest.before("p.") + """
                 order by p.created_at desc, p.id desc
                 limit :limit
                """)
                .bind("community", communityId)
                .bind("statuses", Binds.nullable(statuses == null ? null : ProjectStatus.names(statuses), String[].class));
        return page.bind(spec).mapProperties(Project.class).all();
    }

    /** Something was added (a need, a resource, a milestone): the project was updated. */
    Mono<Project> touch(long id, Set<ProjectStatus> from) {
        return moved(db.sql("update project set updated_at = now() where id = :id and status = any(:from) returning id"),
                id, from, null);
    }

    Mono<Project> start(long id, Set<ProjectStatus> from, ProjectStatus to) {
        return moved(db.sql("""
                update project set status = :to, started_at = now(), updated_at = now()
                 where id = :id and status = any(:from) returning id
                """), id, from, to);
    }

    Mono<Project> submitForSignOff(long id, Set<ProjectStatus> from, ProjectStatus to) {
        return moved(db.sql("""
                update project set status = :to, submitted_at = now(), updated_at = now()
                 where id = :id and status = any(:from) returning id
                """), id, from, to);
    }

    Mono<Project> complete(long id, Set<ProjectStatus> from, ProjectStatus to) {
        return moved(db.sql("""
                update project set status = :to, completed_at = now(), updated_at = now()
                 where id = :id and status = any(:from) returning id
                """), id, from, to);
    }

    Mono<Project> cancel(long id, Set<ProjectStatus> from, ProjectStatus to) {
        return moved(db.sql("""
                update project set status = :to, cancelled_at = now(), updated_at = now()
                 where id = :id and status = any(:from) returning id
                """), id, from, to);
    }

    /** The satisfaction ballot its completion opened. */
    Mono<Project> setBallot(long id, long ballotId) {
        return db.sql("update project set ballot_id = :ballot where id = :id returning id")
                .bind("id", id).bind("ballot", ballotId)
                .map(r -> r.get("id", Long.class)).one()
                .flatMap(this::find);
    }

    private Mono<Project> moved(GenericExecuteSpec spec, long id, Set<ProjectStatus> from, @Nullable ProjectStatus to) {
        spec = spec.bind("id", id).bind("from", ProjectStatus.names(from));
        if (to != null) {
            spec = spec.bind("to", to.name());
        }
        return spec.map(r -> r.get("id", Long.class)).one().flatMap(this::find);
    }

    // ---- linked needs ----

    Mono<Void> linkNeeds(long projectId, Collection<Long> needIds) {
        return db.sql("""
                        insert into project_need (project_id, need_id) select :project, unnest(:needs)
                        on conflict do nothing
                        """)
                .bind("project", projectId).bind("needs", needIds.toArray(Long[]::new))
                .then();
    }

    record NeedLink(long projectId, long needId) {
    }

    Flux<NeedLink> needLinks(Collection<Long> projectIds) {
        return db.sql("select project_id, need_id from project_need where project_id = any(:ids) order by project_id, need_id")
                .bind("ids", projectIds.toArray(Long[]::new))
                .mapProperties(NeedLink.class).all();
    }

    // ---- sign-offs ----

    /** True when this member had not signed it off yet (the primary key decides replays and double taps). */
    Mono<Boolean> signOff(long projectId, long accountId, @Nullable String note) {
        return db.sql("""
                        insert into project_sign_off (project_id, account_id, note) values (:project, :account, :note)
                        on conflict do nothing
                        """)
                .bind("project", projectId).bind("account", accountId).bind("note", Binds.nullable(note, String.class))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Boolean> hasSignedOff(long projectId, long accountId) {
        return db.sql("select exists (select 1 from project_sign_off where project_id = :project and account_id = :account) as found")
                .bind("project", projectId).bind("account", accountId)
                .map(r -> Boolean.TRUE.equals(r.get("found", Boolean.class))).one();
    }

    Flux<SignOff> signOffs(Collection<Long> projectIds) {
        return db.sql("""
                        select s.project_id, s.account_id, a.nickname, s.note, s.created_at
                          from project_sign_off s join account a on a.id = s.account_id
                         where s.project_id = any(:ids) order by s.project_id, s.created_at
                        """)
                .bind("ids", projectIds.toArray(Long[]::new))
                .mapProperties(SignOff.class).all();
    }
}
