package cn.linli.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.linli.devservices.WeChatSandbox;
import cn.linli.platform.timer.Timers;
import cn.linli.support.IntegrationTest;
import cn.linli.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribe messages through the outbox, with consent, surviving a WeChat outage; in-app notifications always. */
class NotificationE2ETest extends IntegrationTest {

    @Autowired
    cn.linli.platform.events.EventBus bus;

    @Autowired
    Timers timers;

    record Team(long partnerId, String adminCode, String memberCode, String category) {
    }

    /** A partner with an admin and a member, serving a fresh ASSIGN category in 锦城社区. */
    private Team team() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('A' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)));
        }
        String category = "N_" + letters;
        String admin = "n-admin-" + suffix;
        String member = "n-member-" + suffix;
        db.sql("insert into service_category (code, name, dispatch_mode) values (:c, '通知测试', 'ASSIGN')").bind("c", category)
                .then().block();
        long partner = db.sql("""
                        with p as (insert into partner (name, kind, capacity) values ('通知测试队', 'SOCIAL_ORGANISATION', 20) returning id),
                             c as (insert into partner_category select p.id, s.id from p, service_category s where s.code = :category),
                             k as (insert into partner_contract (partner_id, community_id, valid_from, valid_to)
                                   select p.id, (select id from community where name = '锦城社区'), date '2026-01-01', date '2030-12-31' from p),
                             a as (insert into account (openid, nickname) values (:admin, '队长') returning id),
                             b as (insert into account (openid, nickname) values (:member, '队员') returning id),
                             m as (insert into partner_member (partner_id, account_id, role)
                                   select p.id, a.id, 'ADMIN' from p, a union all select p.id, b.id, 'MEMBER' from p, b)
                        select id from p
                        """)
                .bind("category", category).bind("admin", WeChatSandbox.openidFor(admin))
                .bind("member", WeChatSandbox.openidFor(member))
                .map(row -> row.get("id", Long.class)).one().block();
        return new Team(partner, admin, member, category);
    }

    private long dispatch(Team team) {
        Login resident = resident();
        long household = idOf("select m.household_id from household_member m join account a on a.id = m.account_id"
                + " where a.openid = 'o-sandbox-demo-resident'");
        String orderId = api(resident.client(), "PlaceOrder").variable("input", Map.of("householdId", String.valueOf(household),
                        "categoryCode", team.category(), "description", "楼道灯坏了", "urgency", "NORMAL",
                        "contactPhone", "13800000001", "idempotencyKey", "n-" + UUID.randomUUID())).execute()
                .path("placeOrder.id").entity(String.class).get();
        api(staff().client(), "DispatchOrder").variable("input", Map.of("orderId", orderId,
                "partnerId", String.valueOf(team.partnerId()))).execute().errors().verify();
        return Long.parseLong(orderId);
    }

    private void consent(String code, String templateId, int times) {
        for (int i = 0; i < times; i++) {
            api(login(code).client(), "RecordSubscribeConsent").variable("input", Map.of("accepted", List.of(templateId)))
                    .execute().path("recordSubscribeConsent.recorded").entity(Integer.class).isEqualTo(1);
        }
    }

    private List<Map<String, Object>> messagesTo(String code) {
        String openid = WeChatSandbox.openidFor(code);
        return weChat().subscribeMessages().stream().filter(m -> openid.equals(m.get("touser"))).toList();
    }

    @Test
    void aDispatchedOrderMessagesEachConsentingMemberOnceAndEveryMemberInTheApp() {
        Team team = team();
        consent(team.adminCode(), "tmpl-order-dispatched", 1);
        long orderId = dispatch(team);
        timers.runDue().block();

        List<Map<String, Object>> toAdmin = messagesTo(team.adminCode());
        assertThat(toAdmin).hasSize(1);
        assertThat(toAdmin.get(0).get("template_id")).isEqualTo("tmpl-order-dispatched");
        assertThat(toAdmin.get(0).get("page")).isEqualTo("pages/partner/order?id=" + orderId);
        assertThat(((Map<?, ?>) ((Map<?, ?>) toAdmin.get(0).get("data")).get("thing1")).get("value")).isEqualTo("您有新的派单");
        assertThat(messagesTo(team.memberCode())).as("no consent, no WeChat message").isEmpty();

        for (String code : List.of(team.adminCode(), team.memberCode())) {
            var inbox = api(login(code).client(), "MyNotifications").execute();
            inbox.path("myNotifications.unreadCount").entity(Integer.class).isEqualTo(1);
            inbox.path("myNotifications.edges[0].node.kind").entity(String.class).isEqualTo("ORDER_DISPATCHED");
        }
        assertThat(count("select count(*) from notification_outbox o join account a on a.id = o.account_id where a.openid = '"
                + WeChatSandbox.openidFor(team.memberCode()) + "' and o.status = 'NO_CONSENT'")).isEqualTo(1);

        Login admin = login(team.adminCode());
        api(admin.client(), "MarkNotificationsRead").variable("input", Map.of()).execute()
                .path("markNotificationsRead.marked").entity(Integer.class).isEqualTo(1);
        api(admin.client(), "MyNotifications").execute().path("myNotifications.unreadCount").entity(Integer.class).isEqualTo(0);

        // the one consent is used up: the next dispatch reaches the admin only in the app
        dispatch(team);
        timers.runDue().block();
        assertThat(messagesTo(team.adminCode())).hasSize(1);
    }

    @Test
    void weChatsNoConsentAnswerUsesTheConsentUp() {
        Team team = team();
        consent(team.adminCode(), "tmpl-order-dispatched", 3);
        weChat().refuseConsentFor(WeChatSandbox.openidFor(team.adminCode()));
        dispatch(team);
        timers.runDue().block();
        assertThat(messagesTo(team.adminCode())).isEmpty();
        assertThat(count("select remaining from subscribe_consent c join account a on a.id = c.account_id where a.openid = '"
                + WeChatSandbox.openidFor(team.adminCode()) + "'")).isZero();
    }

    @Test
    void aWeChatOutageDelaysMessagesButLosesAndDuplicatesNoneWithTwoInstances() throws Exception {
        int tokensBefore = weChat().callCount("/cgi-bin/token");
        Team team = team();
        consent(team.adminCode(), "tmpl-order-dispatched", 3);
        weChat().failNextSends(4);
        for (int i = 0; i < 3; i++) {
            dispatch(team);
        }
        try (SecondInstance other = SecondInstance.start(Map.of())) {
            Timers otherTimers = other.context().getBean(Timers.class);
            for (int round = 0; round < 6 && messagesTo(team.adminCode()).size() < 3; round++) {
                dueNow(NotificationService.SEND);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    List<Callable<Integer>> pollers = List.of(() -> timers.runDue().block(), () -> otherTimers.runDue().block());
                    for (Future<Integer> result : pool.invokeAll(pollers)) {
                        result.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        List<Map<String, Object>> delivered = messagesTo(team.adminCode());
        assertThat(delivered).hasSize(3);
        List<String> pages = new ArrayList<>();
        delivered.forEach(m -> pages.add(String.valueOf(m.get("page"))));
        assertThat(pages).doesNotHaveDuplicates();
        assertThat(weChat().callCount("/cgi-bin/token") - tokensBefore)
                .as("both instances share the access token kept in Redis").isLessThanOrEqualTo(1);
    }

    @Test
    void aMessageWeChatKeepsRefusingIsGivenUpWithItsReasonAndTheInAppOneStays() {
        Team team = team();
        consent(team.adminCode(), "tmpl-order-dispatched", 1);
        weChat().failNextSends(1_000);
        try {
            dispatch(team);
            for (int round = 0; round < 10; round++) {
                dueNow(NotificationService.SEND);
                timers.runDue().block();
            }
        } finally {
            weChat().failNextSends(0);
        }
        String openid = WeChatSandbox.openidFor(team.adminCode());
        assertThat(count("select count(*) from notification_outbox o join account a on a.id = o.account_id where a.openid = '"
                + openid + "' and o.status = 'GAVE_UP' and o.last_error is not null")).isEqualTo(1);
        assertThat(count("select count(*) from timer t join notification_outbox o on o.id = t.subject_id"
                + " join account a on a.id = o.account_id where t.kind = 'NOTIFICATION_SEND' and a.openid = '" + openid + "'"))
                .isZero();
        assertThat(messagesTo(team.adminCode())).isEmpty();
        api(login(team.adminCode()).client(), "MyNotifications").execute()
                .path("myNotifications.unreadCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void notificationsArriveLiveInTheApp() {
        Team team = team();
        Login admin = login(team.adminCode());
        var socket = org.springframework.graphql.test.tester.WebSocketGraphQlTester.builder(
                        "ws://localhost:" + port + "/graphql",
                        new org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient())
                .interceptor(new org.springframework.graphql.client.WebSocketGraphQlClientInterceptor() {
                    @Override
                    public reactor.core.publisher.Mono<Object> connectionInitPayload() {
                        return reactor.core.publisher.Mono.just(Map.of("Authorization", "Bearer " + admin.accessToken()));
                    }
                })
                .build();
        // until the server has our subscription, a probe (an in-app row, announced on the bus) is sent again; once
        // one arrives the subscription is live and the real event cannot be missed — no guessing with sleeps
        long adminId = idOf("select id from account where openid = '" + WeChatSandbox.openidFor(team.adminCode()) + "'");
        db.sql("insert into notification (account_id, kind, title, body, page) values (" + adminId
                + ", 'PROBE', '探测', '探测', 'pages/index/index')").then().block();
        java.util.concurrent.atomic.AtomicBoolean live = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            reactor.test.StepVerifier.create(socket.document(cn.linli.support.ApiDocuments.load("NotificationReceived"))
                            .operationName("NotificationReceived").executeSubscription()
                            .toFlux("notificationReceived.kind", String.class)
                            .doOnNext(kind -> live.set(true))
                            .filter(kind -> !"PROBE".equals(kind))
                            .take(1))
                    .then(() -> {
                        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                                .pollInterval(java.time.Duration.ofMillis(300))
                                .until(() -> {
                                    bus.publish("notifications", adminId).block(java.time.Duration.ofSeconds(5));
                                    return live.get();
                                });
                        dispatch(team);
                    })
                    .expectNext("ORDER_DISPATCHED")
                    .expectComplete()
                    .verify(java.time.Duration.ofSeconds(30));
        } finally {
            socket.stop().block(java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    void vouchersAboutToExpireAndSettledCampaignsAreAnnounced() {
        Login resident = resident();
        long before = count("select count(*) from notification n join account a on a.id = n.account_id"
                + " where a.openid = 'o-sandbox-demo-resident' and n.kind in ('VOUCHER_EXPIRING', 'CAMPAIGN_FAILED')");
        // a voucher three days from expiry
        api(staff().client(), "GrantPoints").variable("input", Map.of("communityId",
                String.valueOf(idOf("select id from community where name = '锦城社区'")),
                "accountId", String.valueOf(resident.accountId()), "points", 20, "reason", "通知测试",
                "idempotencyKey", "notify-" + UUID.randomUUID())).execute().errors().verify();
        String reward = String.valueOf(idOf("select id from reward where title = '免费理发一次'"));
        String voucher = api(resident.client(), "RedeemReward").variable("input", Map.of("rewardId", reward, "quantity", 1,
                "idempotencyKey", "notify-r-" + UUID.randomUUID())).execute()
                .path("redeemReward.vouchers[0].id").entity(String.class).get();
        dueNow("VOUCHER_EXPIRY_REMINDER", Long.parseLong(voucher));
        // a campaign the resident supported fails at its deadline
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("communityId", String.valueOf(idOf("select id from community where name = '锦城社区'")));
        input.put("theme", "通知测试节");
        input.put("festivalDate", "2031-03-01");
        input.put("mainVenue", "广场");
        input.put("deadline", java.time.Instant.now().plusSeconds(3600).toString());
        input.put("moneyGoalFen", 1_000_000);
        input.put("fundingRule", "ALL_OR_NOTHING");
        input.put("itemNeeds", List.of(Map.of("name", "桌子", "unit", "张", "quantity", 5)));
        Login staff = staff();
        String campaign = api(staff.client(), "CreateCampaign").variable("input", input).execute()
                .path("createCampaign.id").entity(String.class).get();
        api(staff.client(), "PublishCampaign").variable("input", Map.of("campaignId", campaign)).execute().errors().verify();
        String need = api(resident.client(), "Campaign").variable("id", campaign).execute()
                .path("campaign.progress.items[0].id").entity(String.class).get();
        api(resident.client(), "PledgeItems").variable("input", Map.of("campaignId", campaign, "needId", need, "quantity", 1,
                "contributorKind", "RESIDENT", "anonymous", false, "idempotencyKey", "notify-i-" + UUID.randomUUID()))
                .execute().errors().verify();
        db.sql("update campaign set deadline = now() - interval '1 second' where id = " + campaign).then().block();
        dueNow("CAMPAIGN_DEADLINE", Long.parseLong(campaign));
        timers.runDue().block();

        assertThat(count("select count(*) from notification n join account a on a.id = n.account_id"
                + " where a.openid = 'o-sandbox-demo-resident' and n.kind in ('VOUCHER_EXPIRING', 'CAMPAIGN_FAILED')"))
                .isEqualTo(before + 2);
    }
}
