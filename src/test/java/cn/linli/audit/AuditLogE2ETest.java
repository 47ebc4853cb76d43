package cn.linli.audit;

import java.util.List;
import java.util.Map;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail: written with the change it records, read by the community's staff and administrators only. */
class AuditLogE2ETest extends IntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    ReactiveTransactionManager transactions;

    private long jincheng() {
        return idOf("select id from community where name = '锦城社区'");
    }

    private long fangcao() {
        return idOf("select id from community where name = '芳草社区'");
    }

    private void record(long actor, Long community, AuditAction action, Object before, Object after) {
        audit.record(new AuditChange(actor, community, AuditSubject.ESTATE, 4242, action, before, after))
                .as(TransactionalOperator.create(transactions)::transactional).block();
    }

    @Test
    void staffReadTheirCommunitysTrailNewestFirstWithBeforeAndAfter() {
        Login staff = staff();
        record(staff.accountId(), jincheng(), AuditAction.CREATED, null, Map.of("name", "审计苑"));
        record(staff.accountId(), jincheng(), AuditAction.RENAMED, Map.of("name", "审计苑"), Map.of("name", "审计新苑"));

        GraphQlTester.Response trail = api(staff.client(), "AuditLog")
                .variable("communityId", String.valueOf(jincheng()))
                .variable("subject", "ESTATE").variable("subjectId", "4242").variable("first", 1)
                .execute();
        trail.errors().verify();
        trail.path("auditLog.edges[0].node.action").entity(String.class).isEqualTo("RENAMED");
        trail.path("auditLog.edges[0].node.before").entity(String.class).isEqualTo("{\"name\": \"审计苑\"}");
        trail.path("auditLog.edges[0].node.after").entity(String.class).isEqualTo("{\"name\": \"审计新苑\"}");
        trail.path("auditLog.edges[0].node.actorId").entity(String.class).isEqualTo(String.valueOf(staff.accountId()));
        trail.path("auditLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = trail.path("auditLog.pageInfo.endCursor").entity(String.class).get();

        GraphQlTester.Response older = api(staff.client(), "AuditLog")
                .variable("communityId", String.valueOf(jincheng()))
                .variable("subject", "ESTATE").variable("subjectId", "4242").variable("after", cursor)
                .execute();
        older.path("auditLog.edges[*].node.action").entityList(String.class).containsExactly("CREATED");
        older.path("auditLog.edges[0].node.before").valueIsNull();
    }

    @Test
    void anEntryRecordedInATransactionThatRollsBackIsGone() {
        long actor = staff().accountId();
        long before = count("select count(*) from audit_event where subject_id = 777001");
        Mono<Void> failing = audit.record(new AuditChange(actor, jincheng(), AuditSubject.UNIT, 777001,
                        AuditAction.RETIRED, null, null))
                .then(Mono.error(new IllegalStateException("the change itself failed")));
        assertThatThrownBy(() -> failing.as(TransactionalOperator.create(transactions)::transactional).block())
                .hasMessageContaining("the change itself failed");
        assertThat(count("select count(*) from audit_event where subject_id = 777001")).isEqualTo(before);
    }

    @Test
    void othersAreRefused() {
        record(staff().accountId(), jincheng(), AuditAction.CREATED, null, Map.of("name", "x"));
        for (Login outsider : List.of(resident(), partner())) {
            api(outsider.client(), "AuditLog").variable("communityId", String.valueOf(jincheng())).execute()
                    .errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
        }
        // staff of 锦城 are not staff of 芳草, and only administrators read the whole trail
        api(staff().client(), "AuditLog").variable("communityId", String.valueOf(fangcao())).execute()
                .errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
        api(staff().client(), "AuditLog").execute()
                .errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
        api(anonymous(), "AuditLog").execute()
                .errors().expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();

        GraphQlTester.Response all = api(admin().client(), "AuditLog").variable("first", 100).execute();
        all.errors().verify();
        assertThat(all.path("auditLog.edges").entityList(Object.class).get()).isNotEmpty();
    }
}
