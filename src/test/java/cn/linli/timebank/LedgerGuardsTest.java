package cn.linli.timebank;

import java.util.List;
import java.util.UUID;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database itself refuses broken books, whatever the Java code does. */
class LedgerGuardsTest extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionalOperator transaction;

    private long person() {
        long accountId = db.sql("insert into account (openid) values (:o) returning id")
                .bind("o", "o-guard-" + UUID.randomUUID()).map(row -> row.get("id", Long.class)).one().block();
        return ledger.personAccount(accountId).block();
    }

    @Test
    void anUnbalancedTransactionIsRefusedAtCommit() {
        long account = person();
        Mono<Void> unbalanced = db.sql("""
                        with t as (insert into timebank_transaction (kind, idempotency_key, request_hash, description)
                                   values ('CORRECTION', :key, 'x', '手工改账') returning id)
                        insert into timebank_entry (transaction_id, account_id, amount) select id, :account, 100 from t
                        """)
                .bind("key", "guard-" + UUID.randomUUID()).bind("account", account).then();
        assertThatThrownBy(() -> transaction.transactional(unbalanced).block()).hasMessageContaining("does not balance");
        assertThat(count("select count(*) from timebank_entry where account_id = " + account)).isZero();
    }

    @Test
    void entriesCannotBeChangedOrDeleted() {
        long community = idOf("select id from community where name = '锦城社区'");
        long account = person();
        long issuance = ledger.systemAccount(community, AccountKind.ISSUANCE).block();
        transaction.transactional(ledger.post(new Ledger.Posting(MovementKind.GRANT, "guard-" + UUID.randomUUID(), "x", community,
                null, "测试", null, null, List.of(new Ledger.Leg(issuance, -5), new Ledger.Leg(account, 5))))).block();
        assertThatThrownBy(() -> db.sql("update timebank_entry set amount = 500 where account_id = :a").bind("a", account)
                .then().block()).hasMessageContaining("never changed");
        assertThatThrownBy(() -> db.sql("delete from timebank_entry where account_id = :a").bind("a", account)
                .then().block()).hasMessageContaining("never changed");
    }

    @Test
    void aPersonsBalanceCannotGoNegativeEvenByHand() {
        long account = person();
        assertThatThrownBy(() -> db.sql("update timebank_account set balance = -1 where id = :a").bind("a", account)
                .then().block()).hasMessageContaining("check");
    }

    @Test
    void anUnbalancedPostingNeverReachesTheDatabase() {
        long account = person();
        assertThatThrownBy(() -> ledger.post(new Ledger.Posting(MovementKind.GRANT, "guard-" + UUID.randomUUID(), "x", null, null,
                "测试", null, null, List.of(new Ledger.Leg(account, 5)))).block())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
