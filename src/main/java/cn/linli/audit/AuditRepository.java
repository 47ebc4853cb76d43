package cn.linli.audit;

import cn.linli.platform.db.Binds;
import cn.linli.platform.pagination.PageRequest;
import io.r2dbc.postgresql.codec.Json;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only {@code audit_event} table. */
@Repository
class AuditRepository {

    private final DatabaseClient db;

    AuditRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(AuditChange change, @Nullable String before, @Nullable String after) {
        return db.sql("""
                        insert into audit_event (community_id, actor_id, subject, subject_id, action, before, after)
                        values (:community, :actor, :subject, :subjectId, :action, :before, :after)
                        """)
                .bind("community", Binds.nullable(change.communityId(), Long.class))
                .bind("actor", change.actorId())
                .bind("subject", change.subject().name())
                .bind("subjectId", change.subjectId())
                .bind("action", change.action().name())
                .bind("before", Binds.nullable(before == null ? null : Json.of(before), Json.class))
                .bind("after", Binds.nullable(after == null ? null : Json.of(after), Json.class))
                .then();
    }

    /** Newest first; of one community (or all when null), optionally of one subject. */
    Flux<AuditEntry> entries(@Nullable Long communityId, @Nullable AuditSubject subject, @Nullable Long subjectId,
                             PageRequest page) {
        var spec = db.sql("""
                        select e.id, e.community_id, e.actor_id, a.nickname as actor_nickname, e.subject, e.subject_id,
                               e.action, e.before::text as before, e.after::text as after, e.created_at
                          from audit_event e
                          left join account a on a.id = e.actor_id
                         where (cast(:community as bigint) is null or e.community_id = :community)
                           and (cast(:subject as text) is null or e.subject = :subject)
                           and (cast(:subjectId as bigint) is null or e.subject_id = :subjectId)
                           and """ + PageRequest.before("e.") + """
                         order by e.created_at desc, e.id desc
                         limit :limit
                        """)
                .bind("community", Binds.nullable(communityId, Long.class))
                .bind("subject", Binds.nullable(subject == null ? null : subject.name(), String.class))
                .bind("subjectId", Binds.nullable(subjectId, Long.class));
        return page.bind(spec).mapProperties(AuditEntry.class).all();
    }
}
