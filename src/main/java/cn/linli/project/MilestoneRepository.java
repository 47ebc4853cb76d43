package cn.linli.project;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of {@code project_milestone}. */
@Repository
class MilestoneRepository {

    private static final String SELECT = """
            select id, project_id, position, title, due_on, done_at, note, photo_ids from project_milestone
            """;

    private final DatabaseClient db;

    MilestoneRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Appends a milestone after the project's last one (the project row is locked by the caller). */
    Mono<Milestone> insert(long projectId, String title, LocalDate dueOn) {
        return db.sql("""
                        insert into project_milestone (project_id, position, title, due_on)
                        select :project, coalesce(max(position), 0) + 1, :title, :due
                          from project_milestone where project_id = :project
                        returning id
                        """)
                .bind("project", projectId).bind("title", title).bind("due", dueOn)
                .map(r -> r.get("id", Long.class)).one()
                .flatMap(this::find);
    }

    Mono<Milestone> find(long id) {
        return db.sql(SELECT + " where id = :id").bind("id", id).mapProperties(Milestone.class).one();
    }

    Flux<Milestone> ofProjects(Collection<Long> projectIds) {
        return db.sql(SELECT + " where project_id = any(:ids) order by project_id, position")
                .bind("ids", projectIds.toArray(Long[]::new))
                .mapProperties(Milestone.class).all();
    }

    /** Reports it done once; empty when it already was. */
    Mono<Milestone> reportDone(long id, String note, List<Long> photoIds, long by) {
        return db.sql("""
                        update project_milestone set done_at = now(), note = :note, photo_ids = :photos, reported_by = :by
                         where id = :id and done_at is null
                        returning id
                        """)
                .bind("id", id).bind("note", note).bind("photos", photoIds.toArray(Long[]::new)).bind("by", by)
                .map(r -> r.get("id", Long.class)).one()
                .flatMap(this::find);
    }
}
