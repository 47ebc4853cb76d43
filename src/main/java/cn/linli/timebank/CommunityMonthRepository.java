package cn.linli.timebank;

import java.util.Map;

import cn.linli.platform.pagination.PageRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A community's movements over a month. A movement's points are what it moved: the sum of its positive entries
 * (double entry: the negative ones are the same points leaving another account).
 */
@Repository
class CommunityMonthRepository {

    private final DatabaseClient db;

    CommunityMonthRepository(DatabaseClient db) {
        this.db = db;
    }

    record KindPoints(MovementKind kind, long points) {
    }

    Mono<Map<MovementKind, Long>> pointsByKind(CommunityMonth month) {
        return db.sql("""
                        select t.kind, coalesce(sum(e.amount), 0) as points
                          from timebank_transaction t join timebank_entry e on e.transaction_id = t.id and e.amount > 0
                         where t.community_id = :community and t.created_at >= :from and t.created_at < :to
                         group by t.kind
                        """)
                .bind("community", month.communityId())
                .bind("from", month.from())
                .bind("to", month.to())
                .mapProperties(KindPoints.class).all()
                .collectMap(KindPoints::kind, KindPoints::points);
    }

    /** The month's movements, oldest first, a page at a time. */
    Flux<StatementEntry> movements(CommunityMonth month, PageRequest page) {
        return page.bind(db.sql("""
                        select t.id, (select coalesce(sum(e.amount), 0) from timebank_entry e
                                       where e.transaction_id = t.id and e.amount > 0) as points,
                               t.kind, t.description, t.created_at as at
                          from timebank_transaction t
                         where t.community_id = :community and t.created_at >= :from and t.created_at < :to and %s
                         order by t.created_at, t.id limit :limit
                        """.formatted(PageRequest.after("t.")))
                        .bind("community", month.communityId())
                        .bind("from", month.from())
                        .bind("to", month.to()))
                .mapProperties(StatementEntry.class).all();
    }
}
