package cn.linli.partner;

import java.util.Collection;
import java.util.List;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.crypto.SealedColumn;
import cn.linli.platform.crypto.SealedColumns;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Partner applications and each requested community's answer. Answers are conditional updates whose source states
 * come from {@link ApplicationLifecycle}; deciders lock the application row first, so decisions on one application
 * (even for different communities) take turns and the first approval alone creates the partner.
 */
@Repository
class ApplicationRepository implements SealedColumns {

    private static final String COLUMNS = """
            a.id, a.applicant_id, a.kind, a.name, a.description, a.contact_name, a.contact_phone, a.category_ids,
            a.licence_photo_ids, a.open, a.partner_id, a.created_at""";

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    ApplicationRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** The contact person's name and phone are sealed. */
    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.text("partner_application", "contact_name"),
                SealedColumn.phone("partner_application", "contact_phone", null));
    }

    private PartnerApplication opened(PartnerApplication sealed) {
        return sealed.withContact(String.valueOf(cipher.open(sealed.contactName())),
                String.valueOf(cipher.open(sealed.contactPhone())));
    }

    record NewApplication(long applicantId, PartnerKind kind, String name, @Nullable String description,
                          String contactName, String contactPhone, Collection<Long> categoryIds,
                          Collection<Long> licencePhotoIds) {
    }

    /** The new application's id; empty when the applicant already has an open one (the partial unique index). */
    Mono<Long> insert(NewApplication a) {
        return db.sql("""
                        insert into partner_application (applicant_id, kind, name, description, contact_name,
                            contact_phone, category_ids, licence_photo_ids)
                        values (:applicant, :kind, :name, :description, :contactName, :phone, :categories, :photos)
                        on conflict (applicant_id) where open do nothing returning id
                        """)
                .bind("applicant", a.applicantId()).bind("kind", a.kind().name()).bind("name", a.name())
                .bind("description", Binds.nullable(a.description(), String.class))
                .bind("contactName", cipher.seal(a.contactName())).bind("phone", cipher.seal(a.contactPhone()))
                .bind("categories", Ids.array(a.categoryIds())).bind("photos", Ids.array(a.licencePhotoIds()))
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<Void> insertCommunities(long applicationId, Collection<Long> communityIds) {
        return db.sql("""
                        insert into partner_application_community (application_id, community_id, status)
                        select :id, unnest(:communities), :status
                        """)
                .bind("id", applicationId).bind("communities", Ids.array(communityIds))
                .bind("status", ApplicationStatus.PENDING.name()).then();
    }

    /** The application, locked until the transaction ends: deciders and the withdrawer take turns on it. */
    Mono<PartnerApplication> lock(long id) {
        return db.sql("select " + COLUMNS + " from partner_application a where a.id = :id for update")
                .bind("id", id).mapProperties(PartnerApplication.class).one().map(this::opened);
    }

    Flux<PartnerApplication> byIds(Collection<Long> ids) {
        return db.sql("select " + COLUMNS + " from partner_application a where a.id = any(:ids)")
                .bind("ids", Ids.array(ids)).mapProperties(PartnerApplication.class).all().map(this::opened);
    }

    /** The applicant's applications, newest first. */
    Flux<PartnerApplication> ofApplicant(long applicantId, PageRequest page) {
        return page.bind(db.sql("select " + COLUMNS + " from partner_application a where a.applicant_id = :applicant"
                        + " and " + PageRequest.before("a.") + " order by a.created_at desc, a.id desc limit :limit")
                        .bind("applicant", applicantId))
                .mapProperties(PartnerApplication.class).all().map(this::opened);
    }

    /** Applications that ask this community, newest first; optionally only those in this status there. */
    Flux<PartnerApplication> ofCommunity(long communityId, @Nullable ApplicationStatus status, PageRequest page) {
        return page.bind(db.sql("select " + COLUMNS + """
                          from partner_application a
                          join partner_application_community ac on ac.application_id = a.id
                         where ac.community_id = :community and (cast(:status as text) is null or ac.status = :status)
                           and """ + PageRequest.before("a.") + " order by a.created_at desc, a.id desc limit :limit")
                        .bind("community", communityId)
                        .bind("status", Binds.nullable(status == null ? null : status.name(), String.class)))
                .mapProperties(PartnerApplication.class).all().map(this::opened);
    }

    Flux<PartnerApplicationCommunity> communitiesOf(Collection<Long> applicationIds) {
        return db.sql("""
                        select ac.application_id, ac.community_id, ac.status, ac.reason, ac.decided_at, ac.contract_id,
                               c.valid_from, c.valid_to, c.capacity
                          from partner_application_community ac left join partner_contract c on c.id = ac.contract_id
                         where ac.application_id = any(:ids) order by ac.application_id, ac.community_id
                        """)
                .bind("ids", Ids.array(applicationIds)).mapProperties(PartnerApplicationCommunity.class).all();
    }

    /** One community's decision; false when that request is no longer pending (or was never made). */
    Mono<Boolean> decide(long applicationId, long communityId, ApplicationLifecycle.Action action, long decidedBy,
                         @Nullable String reason, @Nullable Long contractId) {
        return db.sql("""
                        update partner_application_community
                           set status = :to, reason = :reason, contract_id = :contract, decided_by = :by, decided_at = now()
                         where application_id = :id and community_id = :community and status = any(:from)
                        """)
                .bind("to", action.to().name()).bind("reason", Binds.nullable(reason, String.class))
                .bind("contract", Binds.nullable(contractId, Long.class)).bind("by", decidedBy)
                .bind("id", applicationId).bind("community", communityId).bind("from", names(action.from()))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Every community's request withdrawn at once; how many changed. */
    Mono<Long> withdraw(long applicationId) {
        ApplicationLifecycle.Action action = ApplicationLifecycle.Action.WITHDRAW;
        return db.sql("""
                        update partner_application_community set status = :to, decided_at = now()
                         where application_id = :id and status = any(:from)
                        """)
                .bind("to", action.to().name()).bind("id", applicationId).bind("from", names(action.from()))
                .fetch().rowsUpdated();
    }

    /** Recomputes whether the application still waits for a community (it then blocks a new application). */
    Mono<Void> refreshOpen(long applicationId) {
        return db.sql("""
                        update partner_application set open = exists (select 1 from partner_application_community
                                where application_id = :id and status = :pending)
                         where id = :id
                        """)
                .bind("id", applicationId).bind("pending", ApplicationStatus.PENDING.name()).then();
    }

    Mono<Void> setPartner(long applicationId, long partnerId) {
        return db.sql("update partner_application set partner_id = :partner where id = :id")
                .bind("partner", partnerId).bind("id", applicationId).then();
    }

    private static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }
}
