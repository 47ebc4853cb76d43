package cn.linli.privacy;

import java.util.List;

import cn.linli.platform.pagination.PageRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of {@code data_access}: written in batches (one statement per batch), read as keyset pages. */
@Repository
class DataAccessRepository {

    record Seen(long subjectId, long viewerId, DataAccessKind what) {
    }

    private final DatabaseClient db;

    DataAccessRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insertAll(List<Seen> batch) {
        return db.sql("""
                        insert into data_access (subject_account_id, viewer_account_id, what)
                        select * from unnest(cast(:subjects as bigint[]), cast(:viewers as bigint[]), cast(:whats as text[]))
                        """)
                .bind("subjects", batch.stream().map(Seen::subjectId).toArray(Long[]::new))
                .bind("viewers", batch.stream().map(Seen::viewerId).toArray(Long[]::new))
                .bind("whats", batch.stream().map(seen -> seen.what().name()).toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    Flux<DataAccess> about(long subjectId, PageRequest page) {
        var spec = db.sql("""
                        select a.id, v.nickname as viewer_nickname, a.what, a.created_at as accessed_at
                          from data_access a join account v on v.id = a.viewer_account_id
                         where a.subject_account_id = :subject and\s""" + PageRequest.before("a.") + """
                         order by a.created_at desc, a.id desc
                         limit :limit
                        """)
                .bind("subject", subjectId);
        return page.bind(spec).mapProperties(DataAccess.class).all();
    }
}
