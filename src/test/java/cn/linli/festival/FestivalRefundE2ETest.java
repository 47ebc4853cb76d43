package cn.linli.festival;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.linli.devservices.WeChatPaySandbox;
import cn.linli.platform.timer.Timers;
import cn.linli.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed all-or-nothing campaign refunds every paid pledge exactly once, also when WeChat Pay first fails. */
class FestivalRefundE2ETest extends IntegrationTest {

    @Autowired
    Timers timers;

    @Test
    void everyPaidPledgeIsRefundedOnceEvenWhenTheFirstRefundCallFails() {
        Login staff = login("demo-staff");
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", String.valueOf(idOf("select id from community where name = '锦城社区'")));
        input.put("theme", "端午邻里节");
        input.put("festivalDate", "2031-06-20");
        input.put("mainVenue", "锦城社区广场");
        input.put("deadline", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        input.put("moneyGoalFen", 1_000_000);
        input.put("fundingRule", "ALL_OR_NOTHING");
        String campaign = api(staff.client(), "CreateCampaign").variable("input", input).execute()
                .path("createCampaign.id").entity(String.class).get();
        api(staff.client(), "PublishCampaign").variable("input", Map.of("campaignId", campaign)).execute().errors().verify();

        List<String> pledges = new java.util.ArrayList<>();
        for (String code : List.of("demo-resident", "demo-family")) {
            String id = api(login(code).client(), "PledgeMoney").variable("input", Map.of("campaignId", campaign,
                            "amountFen", 2_000, "contributorKind", "RESIDENT", "anonymous", false,
                            "idempotencyKey", "refund-" + UUID.randomUUID())).execute()
                    .path("pledgeMoney.pledge.id").entity(String.class).get();
            assertThat(weChat().pay().complete("LLP" + String.format("%013d", Long.parseLong(id)), true)).isEqualTo(204);
            pledges.add(id);
        }

        weChat().pay().failNextRefunds(1);
        db.sql("update campaign set deadline = now() - interval '1 second' where id = " + campaign).then().block();
        db.sql("update timer set due_at = now() - interval '1 second' where kind = 'CAMPAIGN_DEADLINE' and subject_id = "
                + campaign).then().block();
        timers.runDue().block(); // settles as FAILED and asks for the refunds: the first call fails
        assertThat(count("select count(*) from pledge where status = 'REFUNDING' and campaign_id = " + campaign)).isEqualTo(2);
        assertThat(count("select count(*) from timer where kind = 'PLEDGE_REFUND' and attempts > 0 and subject_id in ("
                + String.join(",", pledges) + ")")).as("the failed refund is retried later").isEqualTo(1);

        db.sql("update timer set due_at = now() - interval '1 second' where kind = 'PLEDGE_REFUND' and subject_id in ("
                + String.join(",", pledges) + ")").then().block();
        timers.runDue().block();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(count("select count(*) from pledge where status = 'REFUNDED' and campaign_id = " + campaign))
                        .isEqualTo(2));
        for (String pledge : pledges) {
            String outRefundNo = "LLR" + String.format("%013d", Long.parseLong(pledge));
            assertThat(weChat().pay().refunds()).containsKey(outRefundNo);
        }
        // nothing refunds twice: running every timer again asks WeChat Pay for nothing new
        int refundsBefore = weChat().pay().refunds().size();
        db.sql("update timer set due_at = now() where kind like 'PLEDGE_REFUND%'").then().block();
        timers.runDue().block();
        assertThat(weChat().pay().refunds()).hasSize(refundsBefore);
        api(login("demo-resident").client(), "Campaign").variable("id", campaign).execute()
                .path("campaign.progress.moneyRaisedFen").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aLostNotificationIsFoundByQueryingAndAnUnpaidPledgeIsClosed() {
        Login staff = login("demo-staff");
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", String.valueOf(idOf("select id from community where name = '锦城社区'")));
        input.put("theme", "中秋邻里节");
        input.put("festivalDate", "2031-09-20");
        input.put("mainVenue", "锦城社区广场");
        input.put("deadline", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        input.put("moneyGoalFen", 10_000);
        input.put("fundingRule", "KEEP_WHAT_YOU_RAISE");
        String campaign = api(staff.client(), "CreateCampaign").variable("input", input).execute()
                .path("createCampaign.id").entity(String.class).get();
        api(staff.client(), "PublishCampaign").variable("input", Map.of("campaignId", campaign)).execute().errors().verify();
        Login resident = login("demo-resident");
        String paid = pledge(resident, campaign);
        String abandoned = pledge(resident, campaign);

        weChat().pay().payWithoutNotifying("LLP" + String.format("%013d", Long.parseLong(paid)));
        db.sql("update pledge set created_at = now() - interval '1 hour' where id = " + abandoned).then().block();
        db.sql("update timer set due_at = now() - interval '1 second' where kind = 'PLEDGE_PAYMENT_CHECK' and subject_id in ("
                + paid + "," + abandoned + ")").then().block();
        timers.runDue().block();

        assertThat(count("select count(*) from pledge where status = 'PAID' and id = " + paid)).isEqualTo(1);
        assertThat(count("select count(*) from pledge where status = 'CLOSED' and id = " + abandoned)).isEqualTo(1);
        assertThat(weChat().pay().order("LLP" + String.format("%013d", Long.parseLong(abandoned))).get("trade_state"))
                .isEqualTo("CLOSED");
    }

    @Test
    void aRefundWhoseNotificationIsLostIsConfirmedByQuerying() {
        Login staff = login("demo-staff");
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", String.valueOf(idOf("select id from community where name = '锦城社区'")));
        input.put("theme", "重阳邻里节");
        input.put("festivalDate", "2031-10-20");
        input.put("mainVenue", "锦城社区广场");
        input.put("deadline", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        input.put("moneyGoalFen", 1_000_000);
        input.put("fundingRule", "ALL_OR_NOTHING");
        String campaign = api(staff.client(), "CreateCampaign").variable("input", input).execute()
                .path("createCampaign.id").entity(String.class).get();
        api(staff.client(), "PublishCampaign").variable("input", Map.of("campaignId", campaign)).execute().errors().verify();
        String pledge = pledge(login("demo-resident"), campaign);
        assertThat(weChat().pay().complete("LLP" + String.format("%013d", Long.parseLong(pledge)), true)).isEqualTo(204);

        weChat().pay().silentRefunds(true);
        try {
            db.sql("update campaign set deadline = now() - interval '1 second' where id = " + campaign).then().block();
            db.sql("update timer set due_at = now() - interval '1 second' where kind = 'CAMPAIGN_DEADLINE' and subject_id = "
                    + campaign).then().block();
            timers.runDue().block();
            timers.runDue().block();
            assertThat(count("select count(*) from pledge where status = 'REFUNDING' and id = " + pledge)).isEqualTo(1);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "SUCCESS".equals(weChat().pay().refunds()
                    .get("LLR" + String.format("%013d", Long.parseLong(pledge))).get("status")));
            db.sql("update timer set due_at = now() where kind = 'PLEDGE_REFUND_CHECK' and subject_id = " + pledge).then().block();
            timers.runDue().block();
            assertThat(count("select count(*) from pledge where status = 'REFUNDED' and id = " + pledge)).isEqualTo(1);
        } finally {
            weChat().pay().silentRefunds(false);
        }
    }

    @Test
    void forgedTamperedOrUnknownRefundNotificationsAreRefusedAndChangeNothing() {
        Login staff = login("demo-staff");
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", String.valueOf(idOf("select id from community where name = '锦城社区'")));
        input.put("theme", "元宵邻里节");
        input.put("festivalDate", "2032-02-10");
        input.put("mainVenue", "锦城社区广场");
        input.put("deadline", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        input.put("moneyGoalFen", 1_000_000);
        input.put("fundingRule", "ALL_OR_NOTHING");
        String campaign = api(staff.client(), "CreateCampaign").variable("input", input).execute()
                .path("createCampaign.id").entity(String.class).get();
        api(staff.client(), "PublishCampaign").variable("input", Map.of("campaignId", campaign)).execute().errors().verify();
        String pledge = pledge(login("demo-resident"), campaign);
        assertThat(weChat().pay().complete("LLP" + String.format("%013d", Long.parseLong(pledge)), true)).isEqualTo(204);
        String outRefundNo = "LLR" + String.format("%013d", Long.parseLong(pledge));
        String refundNotifyUrl = "http://127.0.0.1:" + port + "/wechat/pay/refund-notify";

        weChat().pay().silentRefunds(true); // the test sends the notifications itself
        try {
            db.sql("update campaign set deadline = now() - interval '1 second' where id = " + campaign).then().block();
            db.sql("update timer set due_at = now() - interval '1 second' where kind = 'CAMPAIGN_DEADLINE' and subject_id = "
                    + campaign).then().block();
            timers.runDue().block();
            timers.runDue().block();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> weChat().pay().refunds().containsKey(outRefundNo)
                    && "SUCCESS".equals(weChat().pay().refunds().get(outRefundNo).get("status")));
            Map<String, Object> refund = weChat().pay().refunds().get(outRefundNo);
            WeChatPaySandbox.Notification genuine = weChat().pay().refundNotification(refund, weChat().pay().platformKey());

            List<WeChatPaySandbox.Notification> forged = new java.util.ArrayList<>();
            forged.add(weChat().pay().refundNotification(refund, weChat().pay().foreignKey()));
            forged.add(new WeChatPaySandbox.Notification(genuine.body().replace("支付成功", "支付成功!"),
                    genuine.headers()));
            Map<String, String> unsigned = new HashMap<>(genuine.headers());
            unsigned.remove("Wechatpay-Signature");
            forged.add(new WeChatPaySandbox.Notification(genuine.body(), unsigned));
            // genuinely signed, but not the full refund of this pledge's payment
            Map<String, Object> partial = new HashMap<>(refund);
            partial.put("amount", Map.of("total", 1_500, "refund", 1));
            forged.add(weChat().pay().refundNotification(partial, weChat().pay().platformKey()));
            Map<String, Object> otherPayment = new HashMap<>(refund);
            otherPayment.put("out_trade_no", "LLP9999999999999");
            forged.add(weChat().pay().refundNotification(otherPayment, weChat().pay().platformKey()));
            Map<String, Object> unknown = new HashMap<>(refund);
            unknown.put("out_refund_no", "LLR9999999999999");
            forged.add(weChat().pay().refundNotification(unknown, weChat().pay().platformKey()));
            for (WeChatPaySandbox.Notification notification : forged) {
                assertThat(weChat().pay().send(refundNotifyUrl, notification)).isEqualTo(400);
            }
            assertThat(count("select count(*) from pledge where status = 'REFUNDING' and id = " + pledge)).isEqualTo(1);

            assertThat(weChat().pay().send(refundNotifyUrl, genuine)).isEqualTo(204);
            assertThat(weChat().pay().send(refundNotifyUrl, genuine)).as("a resent notification is answered, not re-applied")
                    .isEqualTo(204);
            assertThat(count("select count(*) from pledge where status = 'REFUNDED' and id = " + pledge)).isEqualTo(1);
            assertThat(count("select count(*) from notification where kind = 'REFUND_MADE'"
                    + " and page = 'pages/festival/detail?id=" + campaign + "'")).as("the pledger is told once").isEqualTo(1);
        } finally {
            weChat().pay().silentRefunds(false);
        }
    }

    private String pledge(Login resident, String campaign) {
        return api(resident.client(), "PledgeMoney").variable("input", Map.of("campaignId", campaign, "amountFen", 1_500,
                        "contributorKind", "RESIDENT", "anonymous", false, "idempotencyKey", "check-" + UUID.randomUUID()))
                .execute().path("pledgeMoney.pledge.id").entity(String.class).get();
    }
}
