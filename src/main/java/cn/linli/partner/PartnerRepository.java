package cn.linli.partner;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.crypto.SealedColumn;
import cn.linli.platform.crypto.SealedColumns;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Partners, their members and their contracts with communities. */
@Repository
class PartnerRepository implements SealedColumns {

    /** "Today" for contracts is the day in China, not in UTC. */
    static final String TODAY = " (now() at time zone 'Asia/Shanghai')::date ";

    static final String PARTNER_COLUMNS =
            "p.id, p.name, p.kind, p.description, p.contact_phone, p.capacity, p.active_orders, p.online, p.created_at";
    private static final String MEMBER_COLUMNS = "m.account_id as id, m.partner_id, m.role, a.nickname";

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    PartnerRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** A partner's contact phone is often a craftsman's own mobile: sealed. */
    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.phone("partner", "contact_phone", null));
    }

    // ---- partners ----

    Flux<Partner> partnersByIds(Collection<Long> ids) {
        return db.sql("select " + PARTNER_COLUMNS + " from partner p where p.id = any(:ids)")
                .bind("ids", Ids.array(ids)).mapProperties(Partner.class)
                .all().map(partner -> partner.withContactPhone(cipher.open(partner.contactPhone())));
    }

    Mono<Long> insertPartner(String name, PartnerKind kind, @Nullable String description, @Nullable String contactPhone,
                             int capacity) {
        return db.sql("""
                        insert into partner (name, kind, description, contact_phone, capacity)
                        values (:name, :kind, :description, :phone, :capacity) returning id
                        """)
                .bind("name", name).bind("kind", kind.name()).bind("capacity", capacity)
                .bind("description", Binds.nullable(description, String.class))
                .bind("phone", Binds.nullable(cipher.seal(contactPhone), String.class))
                .map(row -> row.get("id", Long.class)).one();
    }

    /** Locks the partner row: membership changes of one partner take turns (two last admins cannot both leave). */
    Mono<Void> lock(long partnerId) {
        return db.sql("select id from partner where id = :id for update").bind("id", partnerId).then();
    }

    /** A later contract may agree a larger capacity; the partner's (shared by all its communities) never shrinks here. */
    Mono<Void> raiseCapacity(long partnerId, int capacity) {
        return db.sql("update partner set capacity = greatest(capacity, :capacity) where id = :id")
                .bind("capacity", capacity).bind("id", partnerId).then();
    }

    Mono<Void> setOnline(long partnerId, boolean online) {
        return db.sql("update partner set online = :online where id = :id")
                .bind("online", online).bind("id", partnerId).then();
    }

    // ---- members ----

    /**
     * Adds the member, or changes the role of someone already serving this partner (an accepted invitation to become
     * admin); false when the account serves another partner.
     */
    Mono<Boolean> addMember(long partnerId, long accountId, MemberRole role) {
        return db.sql("""
                        insert into partner_member (partner_id, account_id, role) values (:partner, :account, :role)
                        on conflict (account_id) do update set role = excluded.role
                         where partner_member.partner_id = excluded.partner_id
                        """)
                .bind("partner", partnerId).bind("account", accountId).bind("role", role.name())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** False when the account was not a member of this partner. */
    Mono<Boolean> removeMember(long partnerId, long accountId) {
        return db.sql("delete from partner_member where partner_id = :partner and account_id = :account")
                .bind("partner", partnerId).bind("account", accountId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Flux<PartnerMember> membersOfPartners(Collection<Long> partnerIds) {
        // display names are read from account (identity) for listing only
        return db.sql("select " + MEMBER_COLUMNS + """
                          from partner_member m join account a on a.id = m.account_id
                         where m.partner_id = any(:ids) order by m.role, m.joined_at, m.account_id
                        """)
                .bind("ids", Ids.array(partnerIds)).mapProperties(PartnerMember.class).all();
    }

    Flux<PartnerMember> membersByAccounts(Collection<Long> accountIds) {
        return db.sql("select " + MEMBER_COLUMNS + """
                          from partner_member m join account a on a.id = m.account_id
                         where m.account_id = any(:ids)
                        """)
                .bind("ids", Ids.array(accountIds)).mapProperties(PartnerMember.class).all();
    }

    // ---- contracts ----

    /** @param capacity what the community agreed (contracts from applications); null for staff onboarding */
    Mono<Long> insertContract(long partnerId, long communityId, LocalDate from, LocalDate to, long createdBy,
                              @Nullable Integer capacity) {
        return db.sql("""
                        insert into partner_contract (partner_id, community_id, valid_from, valid_to, created_by, capacity)
                        values (:partner, :community, :from, :to, :by, :capacity) returning id
                        """)
                .bind("partner", partnerId).bind("community", communityId).bind("from", from).bind("to", to)
                .bind("by", createdBy).bind("capacity", Binds.nullable(capacity, Integer.class))
                .map(row -> row.get("id", Long.class)).one();
    }

    Flux<PartnerContract> contractsOfPartners(Collection<Long> partnerIds) {
        return db.sql("""
                        select id, partner_id, community_id, valid_from, valid_to from partner_contract
                         where partner_id = any(:ids) order by valid_from, id
                        """)
                .bind("ids", Ids.array(partnerIds)).mapProperties(PartnerContract.class).all();
    }

    Mono<Boolean> hasValidContract(long partnerId, long communityId) {
        return db.sql("select exists (select 1 from partner_contract where partner_id = :partner and community_id = :community"
                        + " and " + TODAY + " between valid_from and valid_to) as valid")
                .bind("partner", partnerId).bind("community", communityId)
                .map(row -> Boolean.TRUE.equals(row.get("valid", Boolean.class))).one();
    }
}
