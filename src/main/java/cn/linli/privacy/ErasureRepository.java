package cn.linli.privacy;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What erasing a person changes, one statement per kind of record. The account row stays, as an anonymous holder:
 * ledger entries, orders, ratings, pledges and vouchers keep referring to it, so the books balance and counts stay.
 */
@Repository
class ErasureRepository {

    /** What an erased name becomes (also the nickname others see on the person's old orders and pledges). */
    static final String ERASED_NAME = "已注销用户";
    /** Orders and applications require a phone-shaped value: one that is nobody's number. */
    static final String ERASED_PHONE = "00000";

    private final DatabaseClient db;

    ErasureRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Ends every open session of the account; their ids (their cached state must say "ended" too). */
    Flux<String> revokeSessions(long accountId) {
        return db.sql("""
                        update auth_session set ended_at = now(), end_reason = 'REVOKED'
                         where account_id = :a and ended_at is null returning id
                        """)
                .bind("a", accountId).map(row -> row.get("id", String.class)).all();
    }

    /**
     * Nickname, phone (and its lookup hash), avatar and unionid go; the openid is replaced, so the same WeChat user logging in again gets a
     * new, empty account.
     */
    Mono<Void> anonymiseAccount(long accountId) {
        return db.sql("""
                        update account set nickname = :name, phone = null, phone_hash = null, unionid = null, avatar_photo_id = null,
                               openid = 'erased-' || id, erased_at = now()
                         where id = :a
                        """)
                .bind("a", accountId).bind("name", ERASED_NAME).then();
    }

    Mono<Void> eraseVerificationRequests(long accountId) {
        return db.sql("update verification_request set real_name = :name, proof_photo_id = null where applicant_id = :a")
                .bind("a", accountId).bind("name", ERASED_NAME).then();
    }

    /** The person leaves every household (heads with other members were refused before). */
    Mono<Void> endMemberships(long accountId) {
        return db.sql("delete from household_member where account_id = :a").bind("a", accountId).then();
    }

    Mono<Void> erasePartnerApplications(long accountId) {
        return db.sql("""
                        update partner_application set contact_name = :name, contact_phone = :phone,
                               licence_photo_ids = '{}'
                         where applicant_id = :a
                        """)
                .bind("a", accountId).bind("name", ERASED_NAME).bind("phone", ERASED_PHONE).then();
    }

    /** Orders stay (counted, rated, paid in points) without the person's phone or photos. */
    Mono<Void> eraseOrderContacts(long accountId) {
        return db.sql("update service_order set contact_phone = :phone, photo_ids = '{}' where resident_id = :a")
                .bind("a", accountId).bind("phone", ERASED_PHONE).then();
    }

    /** Pledges keep their amounts (campaign totals unchanged) but no longer name the person. */
    Mono<Void> erasePledgeNames(long accountId) {
        return db.sql("update pledge set contributor_name = null, message = null, anonymous = true where account_id = :a")
                .bind("a", accountId).then();
    }

    Mono<Void> deleteNotifications(long accountId) {
        return db.sql("delete from notification_outbox where account_id = :a").bind("a", accountId).then()
                .then(db.sql("delete from notification where account_id = :a").bind("a", accountId).then())
                .then(db.sql("delete from subscribe_consent where account_id = :a").bind("a", accountId).then());
    }

    Mono<Void> deleteDataAccessesAbout(long accountId) {
        return db.sql("delete from data_access where subject_account_id = :a").bind("a", accountId).then();
    }

    /**
     * The person's photos, except receipts and covers that festival books refer to (staff uploads, not the person's
     * likeness). Run after the avatar and proof references are gone.
     */
    Mono<Long> deletePhotos(long accountId) {
        return db.sql("""
                        delete from photo p
                         where p.owner_account_id = :a
                           and not exists (select 1 from pledge where receipt_photo_id = p.id)
                           and not exists (select 1 from campaign_expense where receipt_photo_id = p.id)
                           and not exists (select 1 from campaign where cover_photo_id = p.id)
                           and not exists (select 1 from account where avatar_photo_id = p.id)
                           and not exists (select 1 from verification_request where proof_photo_id = p.id)
                        """)
                .bind("a", accountId).fetch().rowsUpdated();
    }
}
