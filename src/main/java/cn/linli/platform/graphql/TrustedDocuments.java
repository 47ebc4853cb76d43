package cn.linli.platform.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
        this.trusted = load();
        log.info("Trusted documents only: {} operations accepted", trusted.size());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!trusted.contains(canonical(request.getDocument()))) {
            return Mono.just(request.toExecutionInput()).map(input -> new WebGraphQlResponse(
                    new org.springframework.graphql.support.DefaultExecutionGraphQlResponse(input,
                            graphql.ExecutionResult.newExecutionResult().addError(graphql.GraphQLError.newError()
                                    .message(ErrorCode.DOCUMENT_NOT_ALLOWED.defaultMessage())
                                    .extensions(Map.of("code", ErrorCode.DOCUMENT_NOT_ALLOWED.name()))
                                    .build()).build())));
        }
        return chain.next(request);
    }

    /** Each operation of api/ with its fragments, in canonical form. */
    private static Set<String> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:trusted-documents/*.graphql");
            Map<String, FragmentDefinition> fragments = new HashMap<>();
            List<OperationDefinition> operations = new ArrayList<>();
            for (Resource file : files) {
                Document document = Parser.parse(file.getContentAsString(StandardCharsets.UTF_8));
                for (Definition<?> definition : document.getDefinitions()) {
                    if (definition instanceof FragmentDefinition fragment) {
                        fragments.put(fragment.getName(), fragment);
                    } else if (definition instanceof OperationDefinition operation) {
                        operations.add(operation);
                    }
                }
            }
            Set<String> canonical = new HashSet<>();
            for (OperationDefinition operation : operations) {
                List<Definition> definitions = new ArrayList<>();
                definitions.add(operation);
                collect(AstPrinter.printAstCompact(operation), fragments, definitions, new HashSet<>());
                canonical.add(canonical(Document.newDocument().definitions(definitions).build()));
            }
            return Set.copyOf(canonical);
        } catch (IOException ex) {
            throw new UncheckedIOException("could not read the trusted documents", ex);
        }
    }

    private static void collect(String text, Map<String, FragmentDefinition> fragments, List<Definition> into, Set<String> seen) {
        var spread = java.util.regex.Pattern.compile("\\.\\.\\.\\s*([A-Z][A-Za-z0-9_]*)").matcher(text);
        while (spread.find()) {
            String name = spread.group(1);
            FragmentDefinition fragment = fragments.get(name);
            if (fragment != null && seen.add(name)) {
                into.add(fragment);
                collect(AstPrinter.printAstCompact(fragment), fragments, into, seen);
            }
        }
    }

    static String canonical(String document) {
        try {
            return canonical(Parser.parse(document));
        } catch (RuntimeException ex) {
            return "";
        }
    }

    private static String canonical(Document document) {
        return document.getDefinitions().stream()
                .map(AstPrinter::printAstCompact)
                .sorted(Comparator.naturalOrder())
                .reduce("", (a, b) -> a + "\n" + b);
    }
}
