package cn.linli.festival;

import java.time.Instant;
import java.util.List;

import cn.linli.festival.FestivalRecords.Expense;
import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.festival.PaymentReconciliation.Outcome;
import cn.linli.festival.RefundLifecycle.Next;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.wechat.WeChatPay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each answer of WeChat Pay leads to (payments, refunds, notifications), and four eyes on expenses. */
class PaymentRulesTest {

    private static Pledge money(long id, long amountFen) {
        return new Pledge(id, 7, PledgeKind.MONEY, 3L, ContributorKind.RESIDENT, null, false, null, amountFen, null, null,
                null, PledgeStatus.PENDING, null, null, Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0}, paid {1} of 500, expired {2} → {3}")
    @CsvSource({
            "SUCCESS, 500, false, MARK_PAID",
            "SUCCESS, 500, true, MARK_PAID",
            "SUCCESS, 499, false, CHECK_LATER",
            "SUCCESS, 499, true, CLOSE_AT_WECHAT_PAY",
            "CLOSED, 0, false, CLOSE",
            "PAYERROR, 0, false, CLOSE",
            "REVOKED, 0, true, CLOSE",
            "NOT_FOUND, 0, false, CLOSE",
            "NOTPAY, 0, false, CHECK_LATER",
            "USERPAYING, 0, false, CHECK_LATER",
            "NOTPAY, 0, true, CLOSE_AT_WECHAT_PAY",
            "USERPAYING, 0, true, CLOSE_AT_WECHAT_PAY"})
    void reconciliationFollowsWhatWeChatPayKnows(String tradeState, long paidFen, boolean expired, Outcome expected) {
        var state = new WeChatPay.PaymentState(tradeState, paidFen, "4200000000000000001");
        assertThat(PaymentReconciliation.afterQuery(state, 500, expired)).isEqualTo(expected);
    }

    @Test
    void aPaymentNotificationMatchesOnlyAMoneyPledgeOfItsAmount() {
        var paid = new WeChatPay.PaymentNotification("LLP0000000000001", "42", "SUCCESS", 500, "o-payer");
        assertThat(PaymentReconciliation.reportsPayment(paid)).isTrue();
        assertThat(PaymentReconciliation.reportsPayment(new WeChatPay.PaymentNotification("LLP0000000000001", "42",
                "NOTPAY", 500, "o-payer"))).isFalse();
        assertThat(PaymentReconciliation.matches(money(1, 500), paid)).isTrue();
        assertThat(PaymentReconciliation.matches(money(1, 501), paid)).isFalse();
        Pledge items = new Pledge(1, 7, PledgeKind.ITEM, 3L, ContributorKind.RESIDENT, null, false, null, null, 4L, 2, null,
                PledgeStatus.PLEDGED, null, null, Instant.EPOCH);
        assertThat(PaymentReconciliation.matches(items, paid)).isFalse();
    }

    @Test
    void aRefundNotificationMatchesOnlyTheFullRefundOfThePledgesOwnPayment() {
        Pledge pledge = money(12, 1_500);
        String own = PaymentNumbers.outTradeNo(12);
        String refundNo = PaymentNumbers.outRefundNo(12);
        assertThat(PaymentReconciliation.matches(pledge, new WeChatPay.RefundNotification(refundNo, own, "SUCCESS",
                1_500, 1_500))).isTrue();
        assertThat(PaymentReconciliation.matches(pledge, new WeChatPay.RefundNotification(refundNo, own, "SUCCESS",
                1, 1_500))).as("partial").isFalse();
        assertThat(PaymentReconciliation.matches(pledge, new WeChatPay.RefundNotification(refundNo, own, "SUCCESS",
                1_500, 3_000))).as("of another total").isFalse();
        assertThat(PaymentReconciliation.matches(pledge, new WeChatPay.RefundNotification(refundNo,
                PaymentNumbers.outTradeNo(13), "SUCCESS", 1_500, 1_500))).as("another payment").isFalse();
    }

    @ParameterizedTest(name = "asked: {0} → {1}; queried → {2}")
    @CsvSource({
            "SUCCESS, MARK_REFUNDED, MARK_REFUNDED",
            "PROCESSING, CHECK_LATER, CHECK_LATER",
            "CLOSED, CHECK_LATER, REQUEST_AGAIN",
            "ABNORMAL, CHECK_LATER, REQUEST_AGAIN",
            "SOMETHING_NEW, CHECK_LATER, REQUEST_AGAIN"})
    void refundsFollowWhatWeChatPayReports(String status, Next afterRequest, Next afterQuery) {
        assertThat(RefundLifecycle.afterRequest(status)).isEqualTo(afterRequest);
        assertThat(RefundLifecycle.afterQuery(status)).isEqualTo(afterQuery);
        assertThat(RefundLifecycle.reportsRefund(status)).isEqualTo("SUCCESS".equals(status));
    }

    @Test
    void paymentNumbersAreDerivedFromThePledgeAndReadBack() {
        assertThat(PaymentNumbers.outTradeNo(42)).isEqualTo("LLP0000000000042");
        assertThat(PaymentNumbers.outRefundNo(42)).isEqualTo("LLR0000000000042");
        assertThat(PaymentNumbers.isRefundNo("LLR0000000000042")).isTrue();
        assertThat(PaymentNumbers.isRefundNo("XYZ0000000000042")).isFalse();
        assertThat(PaymentNumbers.pledgeOfRefund("LLR0000000000042")).isEqualTo(42L);
        assertThat(PaymentNumbers.pledgeOfRefund("LLRnot-a-number")).isNull();
    }

    private static Expense expense(ExpenseStatus status, long recordedBy) {
        return new Expense(1, 7, "食材", 80_000, 9, null, recordedBy, status, null, Instant.EPOCH);
    }

    @Test
    void expensesAboveTheThresholdWaitForASecondStaffMember() {
        assertThat(ExpenseLifecycle.initial(50_000, 50_000)).isEqualTo(ExpenseStatus.APPROVED);
        assertThat(ExpenseLifecycle.initial(50_001, 50_000)).isEqualTo(ExpenseStatus.PENDING);
        assertThat(ExpenseLifecycle.checkApproval(expense(ExpenseStatus.PENDING, 1), 2)).isEqualTo(ExpenseStatus.APPROVED);
        for (var refused : List.of(
                new Object[] {expense(ExpenseStatus.PENDING, 1), 1L, ErrorCode.FOUR_EYES_REQUIRED},
                new Object[] {expense(ExpenseStatus.APPROVED, 1), 2L, ErrorCode.EXPENSE_ALREADY_APPROVED},
                new Object[] {expense(ExpenseStatus.APPROVED, 1), 1L, ErrorCode.EXPENSE_ALREADY_APPROVED})) {
            assertThatThrownBy(() -> ExpenseLifecycle.checkApproval((Expense) refused[0], (Long) refused[1]))
                    .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(refused[2]));
        }
        assertThat(ExpenseLifecycle.APPROVABLE).containsExactly(ExpenseStatus.PENDING);
    }
}
