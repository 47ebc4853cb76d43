package cn.linli.platform.observability;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The request id in the Reactor context ↔ {@code MDC.requestId} on whatever thread handles the request, restored by
 * Micrometer context-propagation ({@code spring.reactor.context-propagation=auto}).
 */
final class MdcRequestId implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return RequestIds.MDC_KEY;
    }

    @Override
    public @Nullable String getValue() {
        return MDC.get(RequestIds.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(RequestIds.MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(RequestIds.MDC_KEY);
    }
}
