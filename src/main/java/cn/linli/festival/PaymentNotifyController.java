package cn.linli.festival;

import java.util.HashMap;
import java.util.Map;

import cn.linli.wechat.InvalidPaymentNotification;
import cn.linli.wechat.WeChatPay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * WeChat Pay's payment notifications. Answers as WeChat Pay expects: 204 when handled (it stops resending), 4xx with
 * {@code {"code":"FAIL"}} for a notification that is not genuine or does not match (nothing changes), 5xx when we
 * could not handle it now (it resends later).
 */
@RestController
class PaymentNotifyController {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifyController.class);

    private final WeChatPay weChatPay;
    private final PaymentService payments;
    private final Refunds refunds;

    PaymentNotifyController(WeChatPay weChatPay, PaymentService payments, Refunds refunds) {
        this.weChatPay = weChatPay;
        this.payments = payments;
        this.refunds = refunds;
    }

    @PostMapping("/wechat/pay/refund-notify")
    Mono<ResponseEntity<Map<String, String>>> refundNotification(@RequestBody String body,
                                                                 @RequestHeader HttpHeaders headers) {
        return weChatPay.parseRefundNotification(body, wechatHeaders(headers))
                .flatMap(notification -> refunds.confirmRefund(notification)
                        .thenReturn(ResponseEntity.noContent().<Map<String, String>>build()))
                .onErrorResume(PaymentNotifyController::answerFailure);
    }

    private static Map<String, String> wechatHeaders(HttpHeaders headers) {
        Map<String, String> wechatHeaders = new HashMap<>();
        headers.forEach((name, values) -> {
            if (name.toLowerCase().startsWith("wechatpay-") && !values.isEmpty()) {
                wechatHeaders.put(name, values.get(0));
            }
        });
        return wechatHeaders;
    }

    private static Mono<ResponseEntity<Map<String, String>>> answerFailure(Throwable ex) {
        if (ex instanceof PaymentMismatch || ex instanceof InvalidPaymentNotification) {
            log.warn("Refused a WeChat Pay notification: {}", ex.getMessage());
            return Mono.just(ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("code", "FAIL", "message", "通知无效")));
        }
        log.error("Could not handle a WeChat Pay notification; WeChat Pay will resend it", ex);
        return Mono.just(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of("code", "FAIL", "message", "稍后重试")));
    }

    @PostMapping("/wechat/pay/notify")
    Mono<ResponseEntity<Map<String, String>>> paymentNotification(@RequestBody String body,
                                                                  @RequestHeader HttpHeaders headers) {
        return weChatPay.parsePaymentNotification(body, wechatHeaders(headers))
                .flatMap(notification -> payments.confirmPayment(notification)
                        .thenReturn(ResponseEntity.noContent().<Map<String, String>>build()))
                .onErrorResume(PaymentNotifyController::answerFailure);
    }
}
