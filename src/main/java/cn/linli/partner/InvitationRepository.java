package cn.linli.partner;

import cn.linli.platform.db.Binds;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Invitations to join a partner; answers are conditional updates from {@link InvitationLifecycle}'s source states. */
@Repository
class InvitationRepository {

    private static final String COLUMNS =
            "id, partner_id, account_id, role, status, invited_by, community_id, created_at";

    private final DatabaseClient db;

    InvitationRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Invites the person; asking again while they have not answered changes the role asked for, so there is never
     * more than one pending invitation per (partner, person). The invitation's id.
     */
    Mono<Long> invite(long partnerId, long accountId, MemberRole role, long invitedBy, @Nullable Long communityId) {
        // the conflict target repeats the partial index's predicate word for word (a bind cannot stand there)
        return db.sql("""
                        insert into partner_invitation (partner_id, account_id, role, status, invited_by, community_id)
                        values (:partner, :account, :role, :pending, :by, :community)
                        on conflict (partner_id, account_id) where status = 'PENDING'
                        do update set role = excluded.role, invited_by = excluded.invited_by
                        returning id
                        """)
                .bind("partner", partnerId).bind("account", accountId).bind("role", role.name())
                .bind("pending", InvitationStatus.PENDING.name()).bind("by", invitedBy)
                .bind("community", Binds.nullable(communityId, Long.class))
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<PartnerInvitation> find(long id) {
        return db.sql("select " + COLUMNS + " from partner_invitation where id = :id")
                .bind("id", id).mapProperties(PartnerInvitation.class).one();
    }

    /** The answer; false when the invitation was answered meanwhile (a second accept racing the first). */
    Mono<Boolean> answer(long id, InvitationLifecycle.Action action) {
        return db.sql("""
                        update partner_invitation set status = :to, answered_at = now()
                         where id = :id and status = any(:from)
                        """)
                .bind("to", action.to().name()).bind("id", id)
                .bind("from", action.from().stream().map(Enum::name).toArray(String[]::new))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** The person's invitations still waiting for an answer, newest first. */
    Flux<PartnerInvitation> pendingOf(long accountId) {
        return db.sql("select " + COLUMNS + """
                          from partner_invitation where account_id = :account and status = :pending
                         order by created_at desc, id desc limit 100
                        """)
                .bind("account", accountId).bind("pending", InvitationStatus.PENDING.name())
                .mapProperties(PartnerInvitation.class).all();
    }
}
