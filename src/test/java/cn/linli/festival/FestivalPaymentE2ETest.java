package cn.linli.festival;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.linli.devservices.WeChatPaySandbox;
import cn.linli.support.ApiDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Money pledges through WeChat Pay v3 (the sandbox plays WeChat Pay, the real WxJava client runs). */
class FestivalPaymentE2ETest extends FestivalTestBase {

    private WeChatPaySandbox pay() {
        return weChat().pay();
    }

    private String notifyUrl() {
        return "http://127.0.0.1:" + port + "/wechat/pay/notify";
    }

    private String openCampaign() {
        Map<String, Object> input = campaignInput("元宵邻里节", "2031-02-12", 1_000_000, "ALL_OR_NOTHING", 5);
        input.put("matchingSponsor", "李姐家电修理铺");
        input.put("matchingCapFen", 3_000);
        return createAndPublish(staff(), input);
    }

    /** A pending pledge of {@code amountFen} and its merchant order number. */
    private String[] pledge(Login resident, String campaign, long amountFen) {
        GraphQlTester.Response pledged = api(resident.client(), "PledgeMoney").variable("input", Map.of(
                "campaignId", campaign, "amountFen", amountFen, "contributorKind", "RESIDENT", "anonymous", false,
                "message", "支持邻里节", "idempotencyKey", "money-" + UUID.randomUUID())).execute();
        pledged.errors().verify();
        pledged.path("pledgeMoney.pledge.status").entity(String.class).isEqualTo("PENDING");
        pledged.path("pledgeMoney.payment.packageValue").entity(String.class).satisfies(p -> assertThat(p).startsWith("prepay_id="));
        pledged.path("pledgeMoney.payment.paySign").entity(String.class).satisfies(s -> assertThat(s).isNotBlank());
        String id = pledged.path("pledgeMoney.pledge.id").entity(String.class).get();
        return new String[] {id, outTradeNo(id)};
    }

    private String status(String pledgeId) {
        return db.sql("select status from pledge where id = " + pledgeId).map(row -> row.get("status", String.class)).one().block();
    }

    @Test
    void aPaidNotificationMakesThePledgeCountAndTheSponsorMatchIt() {
        String campaign = openCampaign();
        Login resident = resident();
        String[] pledge = pledge(resident, campaign, 5_000);
        assertThat(pay().order(pledge[1])).as("WxJava placed the JSAPI order with the sandbox").isNotNull();
        assertThat(pay().order(pledge[1]).get("notify_url")).isEqualTo(notifyUrl());

        assertThat(pay().complete(pledge[1], true)).isEqualTo(204);

        assertThat(status(pledge[0])).isEqualTo("PAID");
        GraphQlTester.Response progress = api(resident.client(), "Campaign").variable("id", campaign).execute();
        progress.path("campaign.progress.moneyRaisedFen").entity(Integer.class).isEqualTo(5_000);
        progress.path("campaign.progress.matchedFen").entity(Integer.class).isEqualTo(3_000);
        progress.path("campaign.progress.totalFen").entity(Integer.class).isEqualTo(8_000);
        api(resident.client(), "CampaignLedger").variable("campaignId", campaign).execute()
                .path("campaignLedger.incomeFen").entity(Integer.class).isEqualTo(8_000);
    }

    @Test
    void forgedTamperedStaleOrMismatchedNotificationsAreRefusedAndChangeNothing() {
        String campaign = openCampaign();
        String[] pledge = pledge(resident(), campaign, 2_000);
        Map<String, Object> transaction = pay().transaction(pay().order(pledge[1]));
        transaction.put("trade_state", "SUCCESS");
        transaction.put("transaction_id", "4200000000000000001");
        long now = System.currentTimeMillis() / 1000;

        WeChatPaySandbox.Notification genuine = pay().notification(transaction, pay().platformKey(), now);
        List<WeChatPaySandbox.Notification> forged = new ArrayList<>();
        forged.add(new WeChatPaySandbox.Notification(genuine.body().replace("支付成功", "支付成功!"), genuine.headers()));
        forged.add(pay().notification(transaction, pay().foreignKey(), now));
        for (String header : List.of("Wechatpay-Signature", "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Serial")) {
            Map<String, String> missing = new HashMap<>(genuine.headers());
            missing.remove(header);
            forged.add(new WeChatPaySandbox.Notification(genuine.body(), missing));
        }
        forged.add(pay().notification(transaction, pay().platformKey(), now - 600));
        Map<String, Object> wrongAmount = new HashMap<>(transaction);
        wrongAmount.put("amount", Map.of("total", 1, "payer_total", 1, "currency", "CNY", "payer_currency", "CNY"));
        forged.add(pay().notification(wrongAmount, pay().platformKey(), now));
        Map<String, Object> unknownOrder = new HashMap<>(transaction);
        unknownOrder.put("out_trade_no", "LLP9999999999999");
        forged.add(pay().notification(unknownOrder, pay().platformKey(), now));
        Map<String, Object> otherMerchant = new HashMap<>(transaction);
        otherMerchant.put("mchid", "1234567890");
        forged.add(pay().notification(otherMerchant, pay().platformKey(), now));

        for (WeChatPaySandbox.Notification notification : forged) {
            assertThat(pay().send(notifyUrl(), notification)).isEqualTo(400);
        }
        assertThat(status(pledge[0])).isEqualTo("PENDING");
        assertThat(count("select count(*) from pledge where transaction_id is not null and id = " + pledge[0])).isZero();

        assertThat(pay().send(notifyUrl(), genuine)).isEqualTo(204);
        assertThat(status(pledge[0])).isEqualTo("PAID");
    }

    @Test
    void theSameNotificationTenTimesAtOnceConfirmsOnce() throws Exception {
        String campaign = openCampaign();
        String[] pledge = pledge(resident(), campaign, 3_000);
        Map<String, Object> transaction = pay().transaction(pay().order(pledge[1]));
        transaction.put("trade_state", "SUCCESS");
        transaction.put("transaction_id", "4200000000000000002");
        WeChatPaySandbox.Notification notification = pay().notification(transaction, pay().platformKey(),
                System.currentTimeMillis() / 1000);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sends.add(() -> pay().send(notifyUrl(), notification));
            }
            for (Future<Integer> result : pool.invokeAll(sends)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(204);
        assertThat(status(pledge[0])).isEqualTo("PAID");
        api(resident().client(), "CampaignLedger").variable("campaignId", campaign).execute()
                .path("campaignLedger.income").entityList(Object.class).hasSize(2); // the payment and the sponsor's match
    }

    @Test
    void aRetriedPledgeIsTheSamePledgeAndBadAmountsAreRefused() {
        String campaign = openCampaign();
        Login resident = resident();
        Map<String, Object> input = Map.of("campaignId", campaign, "amountFen", 1_000, "contributorKind", "RESIDENT",
                "anonymous", true, "idempotencyKey", "retry-" + UUID.randomUUID());
        String first = api(resident.client(), "PledgeMoney").variable("input", input).execute()
                .path("pledgeMoney.pledge.id").entity(String.class).get();
        api(resident.client(), "PledgeMoney").variable("input", input).execute()
                .path("pledgeMoney.pledge.id").entity(String.class).isEqualTo(first);
        for (long amount : List.of(0L, -5L, 5_000_001L)) {
            api(resident.client(), "PledgeMoney").variable("input", Map.of("campaignId", campaign, "amountFen", amount,
                            "contributorKind", "RESIDENT", "anonymous", false, "idempotencyKey", "bad-" + UUID.randomUUID()))
                    .execute().errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                            && "input.amountFen".equals(e.getExtensions().get("field"))).verify();
        }
        assertThat(count("select count(*) from pledge where kind = 'MONEY' and campaign_id = " + campaign)).isEqualTo(1);
    }

    @Test
    void progressIsPushedWhenAPaymentIsConfirmed() {
        String campaign = openCampaign();
        Login resident = resident();
        String[] pledge = pledge(resident, campaign, 4_000);
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                        new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + resident.accessToken()));
                    }
                })
                .build();
        try {
            StepVerifier.create(socket.document(ApiDocuments.load("CampaignProgressUpdates"))
                            .operationName("CampaignProgressUpdates").variable("campaignId", campaign)
                            .executeSubscription().toFlux("campaignProgress.moneyRaisedFen", Integer.class).take(2))
                    .expectNext(0) // the progress as it stands: the subscription is live
                    .then(() -> assertThat(pay().complete(pledge[1], true)).isEqualTo(204))
                    .expectNext(4_000)
                    .expectComplete()
                    .verify(java.time.Duration.ofSeconds(20));
        } finally {
            socket.stop().block(java.time.Duration.ofSeconds(5));
        }
    }
}
