package cn.linli.wechat;

import java.util.Map;

import reactor.core.publisher.Mono;

/** WeChat Pay v3 as the features use it. Failures arrive as {@code LinliException}s. */
public interface WeChatPay {

    /** What {@code wx.requestPayment} needs. */
    record PaymentParams(String appId, String timeStamp, String nonceStr, String packageValue, String signType,
                         String paySign) {
    }

    /** A verified, decrypted payment notification. */
    record PaymentNotification(String outTradeNo, String transactionId, String tradeState, long amountFen,
                               String payerOpenid) {
    }

    /** A verified, decrypted refund notification: which refund of which payment, and the amounts in fen. */
    record RefundNotification(String outRefundNo, String outTradeNo, String refundStatus, long refundFen, long totalFen) {
    }

    /**
     * Asks WeChat Pay to refund (the same {@code outRefundNo} never refunds twice); WeChat Pay's refund status
     * (PROCESSING or SUCCESS). Fails while WeChat Pay is unavailable, so the caller retries.
     */
    Mono<String> refund(String outTradeNo, String outRefundNo, long totalFen, long refundFen, String reason);

    /** The refund's status at WeChat Pay (PROCESSING, SUCCESS, CLOSED, ABNORMAL). */
    Mono<String> refundStatus(String outRefundNo);

    /** As {@link #parsePaymentNotification}, for refund notifications. */
    Mono<RefundNotification> parseRefundNotification(String body, Map<String, String> headers);

    /** What WeChat Pay knows of a payment: its state (SUCCESS, NOTPAY, CLOSED, …, or NOT_FOUND), amount and id. */
    record PaymentState(String tradeState, long amountFen, String transactionId) {
    }

    Mono<PaymentState> paymentState(String outTradeNo);

    /** Closes an unpaid payment so it can no longer be paid. */
    Mono<Void> closePayment(String outTradeNo);

    /** Creates (or re-issues, for the same order number) a JSAPI payment for the payer. */
    Mono<PaymentParams> createJsapiPayment(String outTradeNo, long amountFen, String description, String payerOpenid);

    /**
     * Verifies the signature over the raw body with the four {@code Wechatpay-*} headers (all required, and not older
     * than five minutes), decrypts the resource and checks it is for this merchant and app.
     */
    Mono<PaymentNotification> parsePaymentNotification(String body, Map<String, String> headers);
}
