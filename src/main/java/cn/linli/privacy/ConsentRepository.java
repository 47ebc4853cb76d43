package cn.linli.privacy;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of {@code privacy_policy} and {@code privacy_consent}. */
@Repository
class ConsentRepository {

    /** The newest published version; the viewer's acceptance of it (account 0 = anonymous, never accepted). */
    private static final String CURRENT = """
            select p.version, p.title, p.body, p.published_at,
                   exists (select 1 from privacy_consent c where c.account_id = :account and c.policy_version = p.version)
                       as accepted
              from privacy_policy p
             where p.published_at <= now()
             order by p.version desc
             limit 1
            """;

    private final DatabaseClient db;

    ConsentRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<PrivacyPolicy> current(long accountId) {
        return db.sql(CURRENT).bind("account", accountId).mapProperties(PrivacyPolicy.class).one();
    }

    /** Records the acceptance once; a second one keeps the first time. */
    Mono<PrivacyConsentRecord> accept(long accountId, int version) {
        return db.sql("""
                        with inserted as (
                            insert into privacy_consent (account_id, policy_version) values (:account, :version)
                            on conflict do nothing
                            returning policy_version as version, accepted_at
                        )
                        select version, accepted_at from inserted
                        union all
                        select policy_version, accepted_at from privacy_consent
                         where account_id = :account and policy_version = :version
                        limit 1
                        """)
                .bind("account", accountId).bind("version", version)
                .mapProperties(PrivacyConsentRecord.class).one();
    }

    Flux<PrivacyConsentRecord> consentsOf(long accountId) {
        return db.sql("""
                        select policy_version as version, accepted_at from privacy_consent
                         where account_id = :account order by policy_version
                        """)
                .bind("account", accountId).mapProperties(PrivacyConsentRecord.class).all();
    }
}
