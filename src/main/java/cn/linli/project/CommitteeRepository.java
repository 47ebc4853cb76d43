package cn.linli.project;

import java.util.Collection;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of the supervision committee ({@code supervision_member}), its sign-off rule ({@code supervision_rule}), and the
 * community's residents (verified members of its households): who may be appointed, and who hears of projects.
 */
@Repository
class CommitteeRepository {

    private final DatabaseClient db;

    CommitteeRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<CommitteeMember> members(Collection<Long> communityIds) {
        return db.sql("""
                        select m.community_id, m.account_id, a.nickname, m.appointed_at
                          from supervision_member m join account a on a.id = m.account_id
                         where m.community_id = any(:ids) order by m.community_id, m.appointed_at, m.account_id
                        """)
                .bind("ids", communityIds.toArray(Long[]::new))
                .mapProperties(CommitteeMember.class).all();
    }

    Mono<Boolean> isMember(long communityId, long accountId) {
        return db.sql("""
                        select exists (select 1 from supervision_member where community_id = :community
                                         and account_id = :account) as found
                        """)
                .bind("community", communityId).bind("account", accountId)
                .map(r -> Boolean.TRUE.equals(r.get("found", Boolean.class))).one();
    }

    Mono<Integer> countMembers(long communityId) {
        return db.sql("select count(*)::int as n from supervision_member where community_id = :community")
                .bind("community", communityId)
                .map(r -> r.get("n", Integer.class)).one();
    }

    /** True when the person was not a member yet. */
    Mono<Boolean> appoint(long communityId, long accountId, long by) {
        return db.sql("""
                        insert into supervision_member (community_id, account_id, appointed_by)
                        values (:community, :account, :by) on conflict do nothing
                        """)
                .bind("community", communityId).bind("account", accountId).bind("by", by)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** True when the person was a member. */
    Mono<Boolean> remove(long communityId, long accountId) {
        return db.sql("delete from supervision_member where community_id = :community and account_id = :account")
                .bind("community", communityId).bind("account", accountId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The community's own rule, or the default. */
    Mono<SignOffRule> rule(long communityId) {
        return db.sql("""
                        select min_sign_offs, majority from supervision_rule
                         where community_id = :community or community_id is null
                         order by community_id nulls last limit 1
                        """)
                .bind("community", communityId)
                .map(r -> new SignOffRule(r.get("min_sign_offs", Integer.class), Boolean.TRUE.equals(r.get("majority", Boolean.class))))
                .one();
    }

    Mono<Void> setRule(long communityId, SignOffRule rule) {
        return db.sql("""
                        insert into supervision_rule (community_id, min_sign_offs, majority) values (:community, :min, :majority)
                        on conflict (community_id) do update set min_sign_offs = excluded.min_sign_offs,
                                                                 majority = excluded.majority, updated_at = now()
                        """)
                .bind("community", communityId).bind("min", rule.minSignOffs()).bind("majority", rule.majority())
                .then();
    }

    /** Whether the account is a verified member of a household of the community. */
    Mono<Boolean> isResident(long communityId, long accountId) {
        return db.sql("""
                        select exists (select 1 from household_member m join household h on h.id = m.household_id
                                        where m.account_id = :account and h.community_id = :community) as found
                        """)
                .bind("community", communityId).bind("account", accountId)
                .map(r -> Boolean.TRUE.equals(r.get("found", Boolean.class))).one();
    }

    /** Every verified member of the community's households: who hears of its projects' progress. */
    Mono<List<Long>> residents(long communityId) {
        return db.sql("""
                        select distinct m.account_id from household_member m join household h on h.id = m.household_id
                         where h.community_id = :community order by m.account_id
                        """)
                .bind("community", communityId)
                .map(r -> r.get("account_id", Long.class)).all().collectList();
    }

    Mono<List<Long>> memberIds(long communityId) {
        return db.sql("select account_id from supervision_member where community_id = :community order by account_id")
                .bind("community", communityId)
                .map(r -> r.get("account_id", Long.class)).all().collectList();
    }
}
