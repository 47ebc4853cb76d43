package cn.linli.festival;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.linli.devservices.WeChatPaySandbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed all-or-nothing campaign refunds every paid pledge exactly once, also when WeChat Pay first fails. */
class FestivalRefundE2ETest extends FestivalTestBase {

    @Test
    void everyPaidPledgeIsRefundedOnceEvenWhenTheFirstRefundCallFails() {
        Login staff = staff();
        String campaign = createAndPublish(staff, campaignInput("端午邻里节", "2031-06-20", 1_000_000, "ALL_OR_NOTHING", 3));

        List<String> pledges = new java.util.ArrayList<>();
        for (String code : List.of("demo-resident", "demo-family")) {
            String id = pledgeMoney(login(code), campaign, 2_000);
            assertThat(weChat().pay().complete(outTradeNo(id), true)).isEqualTo(204);
            pledges.add(id);
        }

        weChat().pay().failNextRefunds(1);
        passDeadline(campaign);
        timers.runDue().block(); // settles as FAILED and asks for the refunds: the first call fails
        assertThat(count("select count(*) from pledge where status = 'REFUNDING' and campaign_id = " + campaign)).isEqualTo(2);
        assertThat(count("select count(*) from timer where kind = 'PLEDGE_REFUND' and attempts > 0 and subject_id in ("
                + String.join(",", pledges) + ")")).as("the failed refund is retried later").isEqualTo(1);

        makeDue(FestivalTimers.PLEDGE_REFUND, pledges.toArray(String[]::new));
        timers.runDue().block();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(count("select count(*) from pledge where status = 'REFUNDED' and campaign_id = " + campaign))
                        .isEqualTo(2));
        for (String pledge : pledges) {
            String outRefundNo = outRefundNo(pledge);
            assertThat(weChat().pay().refunds()).containsKey(outRefundNo);
        }
        // nothing refunds twice: running every timer again asks WeChat Pay for nothing new
        int refundsBefore = weChat().pay().refunds().size();
        dueNow(FestivalTimers.PLEDGE_REFUND);
        dueNow(FestivalTimers.PLEDGE_REFUND_CHECK);
        timers.runDue().block();
        assertThat(weChat().pay().refunds()).hasSize(refundsBefore);
        api(resident().client(), "Campaign").variable("id", campaign).execute()
                .path("campaign.progress.moneyRaisedFen").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aLostNotificationIsFoundByQueryingAndAnUnpaidPledgeIsClosed() {
        Login staff = staff();
        String campaign = createAndPublish(staff, campaignInput("中秋邻里节", "2031-09-20", 10_000, "KEEP_WHAT_YOU_RAISE", 3));
        Login resident = resident();
        String paid = pledge(resident, campaign);
        String abandoned = pledge(resident, campaign);

        weChat().pay().payWithoutNotifying(outTradeNo(paid));
        db.sql("update pledge set created_at = now() - interval '1 hour' where id = " + abandoned).then().block();
        makeDue(FestivalTimers.PLEDGE_PAYMENT_CHECK, paid, abandoned);
        timers.runDue().block();

        assertThat(count("select count(*) from pledge where status = 'PAID' and id = " + paid)).isEqualTo(1);
        assertThat(count("select count(*) from pledge where status = 'CLOSED' and id = " + abandoned)).isEqualTo(1);
        assertThat(weChat().pay().order(outTradeNo(abandoned)).get("trade_state"))
                .isEqualTo("CLOSED");
    }

    @Test
    void aRefundWhoseNotificationIsLostIsConfirmedByQuerying() {
        Login staff = staff();
        String campaign = createAndPublish(staff, campaignInput("重阳邻里节", "2031-10-20", 1_000_000, "ALL_OR_NOTHING", 3));
        String pledge = pledge(resident(), campaign);
        assertThat(weChat().pay().complete(outTradeNo(pledge), true)).isEqualTo(204);

        weChat().pay().silentRefunds(true);
        try {
            passDeadline(campaign);
            timers.runDue().block();
            timers.runDue().block();
            assertThat(count("select count(*) from pledge where status = 'REFUNDING' and id = " + pledge)).isEqualTo(1);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "SUCCESS".equals(weChat().pay().refunds()
                    .get(outRefundNo(pledge)).get("status")));
            makeDue(FestivalTimers.PLEDGE_REFUND_CHECK, pledge);
            timers.runDue().block();
            assertThat(count("select count(*) from pledge where status = 'REFUNDED' and id = " + pledge)).isEqualTo(1);
        } finally {
            weChat().pay().silentRefunds(false);
        }
    }

    @Test
    void forgedTamperedOrUnknownRefundNotificationsAreRefusedAndChangeNothing() {
        Login staff = staff();
        String campaign = createAndPublish(staff, campaignInput("元宵邻里节", "2032-02-10", 1_000_000, "ALL_OR_NOTHING", 3));
        String pledge = pledge(resident(), campaign);
        assertThat(weChat().pay().complete(outTradeNo(pledge), true)).isEqualTo(204);
        String outRefundNo = outRefundNo(pledge);
        String refundNotifyUrl = "http://127.0.0.1:" + port + "/wechat/pay/refund-notify";

        weChat().pay().silentRefunds(true); // the test sends the notifications itself
        try {
            passDeadline(campaign);
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
        return pledgeMoney(resident, campaign, 1_500);
    }
}
