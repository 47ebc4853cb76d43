package cn.linli.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.crypto.SealedColumn;
import cn.linli.platform.crypto.SealedColumns;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Role;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class AccountRepository implements SealedColumns {

    private static final String SELECT = """
            select a.id, a.openid, a.unionid, a.nickname, a.avatar_photo_id, a.phone, a.created_at,
                   coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
              from account a left join account_role r on r.account_id = a.id
            """;

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    AccountRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** The bound phone number is sealed; its keyed hash finds the account (and the household whose head it is). */
    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.phone("account", "phone", "phone_hash"));
    }

    /**
     * Finds the account of this openid or creates it (as a resident) in one statement, so two first logins racing
     * each other still make one account. A unionid WeChat starts sending later is kept; one it stops sending is not lost.
     */
    Mono<Long> upsertByOpenid(String openid, @Nullable String unionid) {
        return db.sql("""
                with upserted as (
                    insert into account (openid, unionid) values (:openid, :unionid)
                    on conflict (openid) do update
                        set unionid = coalesce(excluded.unionid, account.unionid), last_login_at = now()
                    returning id, (xmax = 0) as created
                ), resident_role as (
                    insert into account_role (account_id, role)
                    select id, 'RESIDENT' from upserted where created
                    on conflict do nothing
                )
                select id from upserted
                """).bind("openid", openid).bind("unionid", Binds.nullable(unionid, String.class))
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<Account> findById(long id) {
        return db.sql(SELECT + " where a.id = :id group by a.id")
                .bind("id", id)
                .map(this::account)
                .one();
    }

    Flux<Account> findByIds(Collection<Long> ids) {
        return db.sql(SELECT + " where a.id = any(:ids) group by a.id")
                .bind("ids", Ids.array(ids))
                .map(this::account)
                .all();
    }

    Mono<Void> updatePhone(long id, String phone) {
        return db.sql("update account set phone = :phone, phone_hash = :hash where id = :id")
                .bind("phone", cipher.seal(phone))
                .bind("hash", cipher.phoneHash(phone))
                .bind("id", id)
                .then();
    }

    /** Sets the given fields; a null argument leaves that column as it is. */
    Mono<Void> updateProfile(long id, @Nullable String nickname, @Nullable Long avatarPhotoId) {
        return db.sql("""
                        update account
                           set nickname = coalesce(:nickname, nickname), avatar_photo_id = coalesce(:avatar, avatar_photo_id)
                         where id = :id
                        """)
                .bind("id", id)
                .bind("nickname", Binds.nullable(nickname, String.class))
                .bind("avatar", Binds.nullable(avatarPhotoId, Long.class))
                .then();
    }

    Mono<Void> grantRole(long id, Role role) {
        return db.sql("insert into account_role (account_id, role) values (:id, :role) on conflict do nothing")
                .bind("id", id).bind("role", role.name()).then();
    }

    Mono<Void> revokeRole(long id, Role role) {
        return db.sql("delete from account_role where account_id = :id and role = :role")
                .bind("id", id).bind("role", role.name()).then();
    }

    /** The one mapper of account rows: roles arrive as a text array and become a set of enums. */
    private Account account(Readable row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : row.get("roles", String[].class)) {
            roles.add(Role.valueOf(role));
        }
        return new Account(row.get("id", Long.class), row.get("openid", String.class), row.get("unionid", String.class),
                row.get("nickname", String.class), row.get("avatar_photo_id", Long.class), cipher.open(row.get("phone", String.class)),
                Set.copyOf(roles), row.get("created_at", Instant.class));
    }
}
