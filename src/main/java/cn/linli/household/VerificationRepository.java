package cn.linli.household;

import java.util.List;
import java.util.Set;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.crypto.SealedColumn;
import cn.linli.platform.crypto.SealedColumns;
import cn.linli.platform.db.Binds;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of {@code verification_request}. Every read joins the applicant's account for nickname and phone. */
@Repository
class VerificationRepository implements SealedColumns {

    private static final String COLUMNS = """
            r.id, r.household_id, r.community_id, r.applicant_id, r.relation, r.real_name, r.proof_photo_id, r.status,
            r.decided_by, r.decided_at, r.rejection_reason, r.created_at,
            a.nickname as applicant_nickname, a.phone as applicant_phone,
            coalesce(a.phone_hash = h.registered_head_phone_hash, false) as phone_matches_registered_head
            """;
    /** The request's applicant (nickname, phone) and household (its registered head's phone hash). */
    private static final String JOINS =
            " join account a on a.id = r.applicant_id join household h on h.id = r.household_id\n";
    private static final String SELECT = "select " + COLUMNS + " from verification_request r" + JOINS;

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    VerificationRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** The real name is sealed (the applicant's phone is the account's, sealed there). */
    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.text("verification_request", "real_name"));
    }

    /** The request with its real name and the applicant's phone opened. */
    private VerificationRequest opened(VerificationRequest sealed) {
        return sealed.withPersonalData(String.valueOf(cipher.open(sealed.realName())), cipher.open(sealed.applicantPhone()));
    }

    record NewRequest(long householdId, long applicantId, HouseholdRelation relation, String realName,
                      @Nullable Long proofPhotoId) {
    }

    /**
     * Inserts the request, or nothing when the applicant already has one waiting for this household (the partial
     * unique index verification_one_pending decides, so concurrent identical applications leave exactly one).
     */
    Mono<VerificationRequest> insert(NewRequest request) {
        return db.sql("""
                        with r as (
                            insert into verification_request
                                (household_id, community_id, applicant_id, relation, real_name, proof_photo_id, status)
                            select h.id, h.community_id, :applicant, :relation, :realName, :photo, :status
                              from household h where h.id = :household
                            on conflict do nothing
                            returning *
                        )
                        select\s""" + COLUMNS + " from r" + JOINS)
                .bind("household", request.householdId())
                .bind("applicant", request.applicantId())
                .bind("relation", request.relation().name())
                .bind("realName", cipher.seal(request.realName()))
                .bind("photo", Binds.nullable(request.proofPhotoId(), Long.class))
                .bind("status", VerificationLifecycle.INITIAL.name())
                .mapProperties(VerificationRequest.class).one()
                .map(this::opened);
    }

    Mono<VerificationRequest> find(long id) {
        return db.sql(SELECT + " where r.id = :id").bind("id", id).mapProperties(VerificationRequest.class).one().map(this::opened);
    }

    /** The applicant's request waiting for this household, if any. */
    Mono<VerificationRequest> findPending(long householdId, long applicantId) {
        return db.sql(SELECT + " where r.household_id = :household and r.applicant_id = :applicant and r.status = :status")
                .bind("household", householdId)
                .bind("applicant", applicantId)
                .bind("status", VerificationLifecycle.INITIAL.name())
                .mapProperties(VerificationRequest.class).one()
                .map(this::opened);
    }

    /**
     * Moves the request on if it is still in one of {@code from}; empty when another decision got there first (the
     * row lock makes concurrent deciders queue, and each re-checks the status after the one before it committed).
     */
    Mono<VerificationRequest> transition(long id, Set<VerificationStatus> from, VerificationStatus to, long actorId,
                                         @Nullable String reason) {
        return db.sql("""
                        with r as (
                            update verification_request
                               set status = :to, decided_by = :actor, decided_at = now(), rejection_reason = :reason
                             where id = :id and status = any(:from)
                            returning *
                        )
                        select\s""" + COLUMNS + " from r" + JOINS)
                .bind("id", id)
                .bind("from", VerificationStatus.names(from))
                .bind("to", to.name())
                .bind("actor", actorId)
                .bind("reason", Binds.nullable(reason, String.class))
                .mapProperties(VerificationRequest.class).one()
                .map(this::opened);
    }

    /** The applicant's own requests, newest first. */
    Flux<VerificationRequest> byApplicant(long applicantId, PageRequest page) {
        var spec = db.sql(SELECT + " where r.applicant_id = :applicant and " + PageRequest.before("r.") + """
                 order by r.created_at desc, r.id desc
                 limit :limit
                """).bind("applicant", applicantId);
        return page.bind(spec).mapProperties(VerificationRequest.class).all().map(this::opened);
    }

    /**
     * Requests the viewer may decide, oldest first (a queue): of the households they head, of the community they are
     * staff of, or every one for an administrator; never their own.
     */
    Flux<VerificationRequest> decidableBy(long viewerId, @Nullable Long staffCommunityId, boolean admin,
                                          VerificationStatus status, PageRequest page) {
        var spec = db.sql(SELECT + """
                 where r.status = :status
                   and r.applicant_id <> :viewer
                   and (:admin
                        or r.community_id = :staffCommunity
                        or r.household_id in (select household_id from household_member where account_id = :viewer and is_head))
                   and\s""" + PageRequest.after("r.") + """
                 order by r.created_at, r.id
                 limit :limit
                """)
                .bind("status", status.name())
                .bind("viewer", viewerId)
                .bind("admin", admin)
                .bind("staffCommunity", Binds.nullable(staffCommunityId, Long.class));
        return page.bind(spec).mapProperties(VerificationRequest.class).all().map(this::opened);
    }
}
