package cn.linli.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;
import graphql.schema.DataFetchingEnvironment;

/**
 * Lets a controller method take the {@link Viewer} as an argument: {@code Mono<Order> order(@Argument String id,
 * Viewer viewer)}. An anonymous request gets {@code UNAUTHENTICATED} before the method runs; a method that also
 * serves anonymous callers takes {@code Optional<Viewer>} instead. Services receive the viewer from their controller
 * and never read the security context themselves.
 */
@Component
class ViewerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class
                || (parameter.getParameterType() == java.util.Optional.class
                && parameter.nested().getNestedParameterType() == Viewer.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        if (parameter.getParameterType() == Viewer.class) {
            return Viewers.current();
        }
        return Viewers.optional().map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
    }
}
