package cn.linli.wechat;

import java.util.List;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code linli.wechat.calls}: outcomes of the calls to WeChat per call — {@code success}, {@code rejected} (WeChat
 * answered no: a bad or used login code, no subscribe consent) and {@code failure} (WeChat unreachable, timed out or
 * erred: what to alert on). Every counter exists from the start, so a rate of failures is never "no data".
 */
@Component
class WeChatCalls {

    static final String LOGIN = "login";
    static final String PHONE = "phone";
    static final String SUBSCRIBE_MESSAGE = "subscribe_message";
    static final String PAY_CREATE = "pay_create";
    static final String PAY_QUERY = "pay_query";
    static final String PAY_CLOSE = "pay_close";
    static final String PAY_REFUND = "pay_refund";
    static final String PAY_REFUND_QUERY = "pay_refund_query";

    static final String SUCCESS = "success";
    static final String REJECTED = "rejected";
    static final String FAILURE = "failure";

    private final MeterRegistry registry;

    WeChatCalls(MeterRegistry registry) {
        this.registry = registry;
        for (String call : List.of(LOGIN, PHONE, SUBSCRIBE_MESSAGE, PAY_CREATE, PAY_QUERY, PAY_CLOSE, PAY_REFUND,
                PAY_REFUND_QUERY)) {
            for (String outcome : List.of(SUCCESS, REJECTED, FAILURE)) {
                counter(call, outcome);
            }
        }
    }

    /** Counts how {@code call} ends: a value is a success, a refusal by WeChat is rejected, anything else a failure. */
    <T> Mono<T> counted(String call, Mono<T> mono) {
        return mono.doOnSuccess(value -> counter(call, SUCCESS).increment())
                .doOnError(ex -> counter(call, outcomeOf(ex)).increment());
    }

    void count(String call, String outcome) {
        counter(call, outcome).increment();
    }

    static String outcomeOf(Throwable ex) {
        return ex instanceof LinliException linli && linli.code() != ErrorCode.WECHAT_UNAVAILABLE
                && linli.code() != ErrorCode.INTERNAL ? REJECTED : FAILURE;
    }

    private Counter counter(String call, String outcome) {
        return Counter.builder("linli.wechat.calls").tag("call", call).tag("outcome", outcome)
                .description("Calls to WeChat by outcome")
                .register(registry);
    }
}
