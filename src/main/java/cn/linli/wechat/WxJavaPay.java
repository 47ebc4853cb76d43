package cn.linli.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import com.github.binarywang.wxpay.bean.notify.SignatureHeader;
import com.github.binarywang.wxpay.bean.notify.WxPayNotifyV3Result;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderV3Result;
import com.github.binarywang.wxpay.bean.result.enums.TradeTypeEnum;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link WeChatPay} through WxJava Pay v3; blocking calls on the bounded-elastic pool, each with a timeout. */
@Component
class WxJavaPay implements WeChatPay {

    private static final Logger log = LoggerFactory.getLogger(WxJavaPay.class);
    /** Notifications older than this are refused: a replayed capture is not a payment. */
    static final Duration MAX_NOTIFICATION_AGE = Duration.ofMinutes(5);

    private final WxPayService pay;
    private final WeChatPayProperties properties;
    private final WeChatProperties weChat;
    private final Environment environment;
    private final WeChatCalls calls;

    WxJavaPay(WxPayService pay, WeChatPayProperties properties, WeChatProperties weChat, Environment environment,
              WeChatCalls calls) {
        this.pay = pay;
        this.properties = properties;
        this.weChat = weChat;
        this.environment = environment;
        this.calls = calls;
    }

    @Override
    public Mono<PaymentParams> createJsapiPayment(String outTradeNo, long amountFen, String description, String payerOpenid) {
        return calls.counted(WeChatCalls.PAY_CREATE, Mono.fromCallable(() -> {
                    WxPayUnifiedOrderV3Request request = new WxPayUnifiedOrderV3Request();
                    request.setOutTradeNo(outTradeNo);
                    request.setDescription(description);
                    request.setNotifyUrl(notifyUrl());
                    WxPayUnifiedOrderV3Request.Amount amount = new WxPayUnifiedOrderV3Request.Amount();
                    amount.setTotal((int) amountFen);
                    amount.setCurrency("CNY");
                    request.setAmount(amount);
                    WxPayUnifiedOrderV3Request.Payer payer = new WxPayUnifiedOrderV3Request.Payer();
                    payer.setOpenid(payerOpenid);
                    request.setPayer(payer);
                    WxPayUnifiedOrderV3Result.JsapiResult result = pay.createOrderV3(TradeTypeEnum.JSAPI, request);
                    return new PaymentParams(result.getAppId(), result.getTimeStamp(), result.getNonceStr(),
                            result.getPackageValue(), result.getSignType(), result.getPaySign());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.timeout())
                .onErrorMap(ex -> !(ex instanceof LinliException), ex -> {
                    log.warn("WeChat Pay JSAPI order {} failed: {}", outTradeNo, ex.toString());
                    return new LinliException(ErrorCode.WECHAT_UNAVAILABLE, "微信支付暂时不可用，请稍后再试", Map.of(), ex);
                }));
    }

    @Override
    public Mono<String> refund(String outTradeNo, String outRefundNo, long totalFen, long refundFen, String reason) {
        return blocking(WeChatCalls.PAY_REFUND, "refund " + outRefundNo, () -> {
            com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request request =
                    new com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request();
            request.setOutTradeNo(outTradeNo);
            request.setOutRefundNo(outRefundNo);
            request.setReason(reason);
            request.setNotifyUrl(notifyUrl().replace("/wechat/pay/notify", "/wechat/pay/refund-notify"));
            com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request.Amount amount =
                    new com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request.Amount();
            amount.setTotal((int) totalFen);
            amount.setRefund((int) refundFen);
            amount.setCurrency("CNY");
            request.setAmount(amount);
            return pay.refundV3(request).getStatus();
        });
    }

    @Override
    public Mono<PaymentState> paymentState(String outTradeNo) {
        return blocking(WeChatCalls.PAY_QUERY, "query " + outTradeNo, () -> {
            try {
                var result = pay.queryOrderV3(null, outTradeNo);
                return new PaymentState(result.getTradeState(),
                        result.getAmount() == null || result.getAmount().getTotal() == null ? 0 : result.getAmount().getTotal(),
                        String.valueOf(result.getTransactionId()));
            } catch (WxPayException ex) {
                if ("ORDER_NOT_EXIST".equals(ex.getErrCode())) {
                    return new PaymentState("NOT_FOUND", 0, "");
                }
                throw ex;
            }
        });
    }

    @Override
    public Mono<Void> closePayment(String outTradeNo) {
        return blocking(WeChatCalls.PAY_CLOSE, "close " + outTradeNo, () -> {
            pay.closeOrderV3(outTradeNo);
            return true;
        }).then();
    }

    @Override
    public Mono<String> refundStatus(String outRefundNo) {
        return blocking(WeChatCalls.PAY_REFUND_QUERY, "refund query " + outRefundNo, () -> pay.refundQueryV3(outRefundNo).getStatus());
    }

    @Override
    public Mono<RefundNotification> parseRefundNotification(String body, Map<String, String> headers) {
        return Mono.fromCallable(() -> {
            SignatureHeader signatureHeader = verifiedHeader(headers);
            try {
                var result = pay.parseRefundNotifyV3Result(body, signatureHeader).getResult();
                if (!properties.mchId().equals(result.getMchid())) {
                    throw new InvalidPaymentNotification("refund notification for another merchant");
                }
                if (result.getAmount() == null || result.getAmount().getRefund() == null
                        || result.getAmount().getTotal() == null) {
                    throw new InvalidPaymentNotification("refund notification without amounts");
                }
                return new RefundNotification(result.getOutRefundNo(), String.valueOf(result.getOutTradeNo()),
                        result.getRefundStatus(), result.getAmount().getRefund(), result.getAmount().getTotal());
            } catch (WxPayException ex) {
                throw new InvalidPaymentNotification("signature or decryption failed: " + ex.getMessage());
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private <T> Mono<T> blocking(String metric, String what, java.util.concurrent.Callable<T> call) {
        return calls.counted(metric, Mono.fromCallable(call)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.timeout())
                .onErrorMap(ex -> !(ex instanceof LinliException), ex -> {
                    log.warn("WeChat Pay {} failed: {}", what, ex.toString());
                    return new LinliException(ErrorCode.WECHAT_UNAVAILABLE, "微信支付暂时不可用，请稍后再试", Map.of(), ex);
                }));
    }

    /** All four headers present and fresh; otherwise the notification is refused before any verification. */
    private static SignatureHeader verifiedHeader(Map<String, String> headers) {
        String timestamp = header(headers, "Wechatpay-Timestamp");
        String nonce = header(headers, "Wechatpay-Nonce");
        String signature = header(headers, "Wechatpay-Signature");
        String serial = header(headers, "Wechatpay-Serial");
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException ex) {
            throw new InvalidPaymentNotification("bad timestamp");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now()).abs().compareTo(MAX_NOTIFICATION_AGE) > 0) {
            throw new InvalidPaymentNotification("notification too old");
        }
        SignatureHeader signatureHeader = new SignatureHeader();
        signatureHeader.setTimeStamp(timestamp);
        signatureHeader.setNonce(nonce);
        signatureHeader.setSignature(signature);
        signatureHeader.setSerial(serial);
        return signatureHeader;
    }

    @Override
    public Mono<PaymentNotification> parsePaymentNotification(String body, Map<String, String> headers) {
        return Mono.fromCallable(() -> {
            SignatureHeader signatureHeader = verifiedHeader(headers);
            WxPayNotifyV3Result parsed;
            try {
                // never pass a null header: WxJava then skips the signature check entirely
                parsed = pay.parseOrderNotifyV3Result(body, signatureHeader);
            } catch (WxPayException ex) {
                throw new InvalidPaymentNotification("signature or decryption failed: " + ex.getMessage());
            }
            var result = parsed.getResult();
            if (!properties.mchId().equals(result.getMchid()) || !weChat.appid().equals(result.getAppid())) {
                throw new InvalidPaymentNotification("notification for another merchant or app");
            }
            return new PaymentNotification(result.getOutTradeNo(), String.valueOf(result.getTransactionId()),
                    result.getTradeState(), result.getAmount().getTotal(),
                    result.getPayer() == null ? "" : String.valueOf(result.getPayer().getOpenid()));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static String header(Map<String, String> headers, String name) {
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null && !entry.getValue().isBlank()) {
                return entry.getValue();
            }
        }
        throw new InvalidPaymentNotification("missing header " + name);
    }

    private String notifyUrl() {
        if (properties.notifyUrl() != null && !properties.notifyUrl().isBlank()) {
            return properties.notifyUrl();
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/wechat/pay/notify";
    }
}
