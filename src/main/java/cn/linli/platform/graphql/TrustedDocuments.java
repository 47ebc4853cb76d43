package cn.linli.platform.graphql;

import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Trusted documents: with {@code linli.graphql.trusted-documents-only=true}, the server runs only the operations
 * published in {@code api/} (the mini-program, partner app and staff console send nothing else), so an attacker cannot
 * craft queries at all. Documents are compared by their parsed form (operation plus the fragments it uses), so
 * whitespace and fragment order do not matter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ConditionalOnProperty(name = "linli.graphql.trusted-documents-only", havingValue = "true")
class TrustedDocuments implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TrustedDocuments.class);

    private final Set<String> trusted;

    TrustedDocuments() {
        this.trusted = Set.copyOf(PublishedOperations.canonicalByName().values());
        log.info("Trusted documents only: {} operations accepted", trusted.size());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!trusted.contains(PublishedOperations.canonical(request.getDocument()))) {
            return Mono.just(request.toExecutionInput()).map(input -> new WebGraphQlResponse(
                    new org.springframework.graphql.support.DefaultExecutionGraphQlResponse(input,
                            graphql.ExecutionResult.newExecutionResult().addError(graphql.GraphQLError.newError()
                                    .message(ErrorCode.DOCUMENT_NOT_ALLOWED.defaultMessage())
                                    .extensions(Map.of("code", ErrorCode.DOCUMENT_NOT_ALLOWED.name()))
                                    .build()).build())));
        }
        return chain.next(request);
    }
}
