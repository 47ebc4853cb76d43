package cn.linli.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.HttpErrorResponses;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Where the consent gate stands: the ONE list of what collects personal information beyond login, each guarded by
 * {@link PrivacyConsent#require} before it runs. GraphQL mutations by root field (aliases and fragments cannot hide
 * them; the whole operation is refused), and {@code POST /photos} by path. The features themselves need no change.
 */
@Component
class ConsentGuards implements WebGraphQlInterceptor, WebFilter {

    /** bindPhoneNumber: the phone; requestHouseholdVerification: real name and proof; applyAsPartner: contact data. */
    static final Set<String> GUARDED_MUTATIONS = Set.of("bindPhoneNumber", "requestHouseholdVerification", "applyAsPartner");
    static final String GUARDED_UPLOAD = "/photos";

    private final PrivacyConsent consent;

    ConsentGuards(PrivacyConsent consent) {
        this.consent = consent;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!mentionsGuarded(request.getDocument()) || !guarded(request.getDocument(), request.getOperationName())) {
            return chain.next(request);
        }
        return viewerOf(request).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(viewer -> viewer.isEmpty() ? chain.next(request) // UNAUTHENTICATED is the resolver's answer
                        : consent.require(viewer.get()).then(Mono.defer(() -> chain.next(request)))
                        .onErrorResume(LinliException.class, refused -> Mono.just(refusal(request, refused))));
    }

    /** Behind Spring Security's filter (it runs first), so the viewer is known; anonymous uploads are its 401. */
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST
                || !GUARDED_UPLOAD.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return Viewers.optional().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(viewer -> viewer.isEmpty() ? chain.filter(exchange)
                        : consent.require(viewer.get()).then(Mono.defer(() -> chain.filter(exchange)))
                        .onErrorResume(LinliException.class, refused -> HttpErrorResponses.write(exchange.getResponse(),
                                HttpStatus.FORBIDDEN, refused.code(), refused.getMessage())));
    }

    /** A cheap look before parsing: most documents name none of the guarded fields. */
    private static boolean mentionsGuarded(String document) {
        return GUARDED_MUTATIONS.stream().anyMatch(document::contains);
    }

    static boolean guarded(String document, @Nullable String operationName) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (RuntimeException invalid) {
            return false; // graphql-java reports it
        }
        List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                .toList();
        if (operations.size() != 1 || operations.get(0).getOperation() != OperationDefinition.Operation.MUTATION) {
            return false;
        }
        Map<String, FragmentDefinition> fragments = new java.util.HashMap<>();
        parsed.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
        List<String> fields = new ArrayList<>();
        collect(operations.get(0).getSelectionSet(), fragments, fields, new HashSet<>());
        return fields.stream().anyMatch(GUARDED_MUTATIONS::contains);
    }

    private static void collect(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments,
                                List<String> into, Set<String> seen) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                into.add(field.getName());
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, into, seen);
            } else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())
                    && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, into, seen);
            }
        }
    }

    /** Over HTTP the security context is in the Reactor context; over a WebSocket, in the session's attributes. */
    private static Mono<Viewer> viewerOf(WebGraphQlRequest request) {
        if (request instanceof WebSocketGraphQlRequest socket) {
            return Mono.justOrEmpty(socket.getSessionInfo().getAttributes().values().stream()
                    .filter(SecurityContext.class::isInstance)
                    .map(context -> ((SecurityContext) context).getAuthentication())
                    .filter(JwtAuthenticationToken.class::isInstance)
                    .map(token -> Viewers.fromJwt(((JwtAuthenticationToken) token).getToken()))
                    .findFirst());
        }
        return Viewers.optional();
    }

    private static WebGraphQlResponse refusal(WebGraphQlRequest request, LinliException refused) {
        Map<String, Object> extensions = new java.util.LinkedHashMap<>(refused.extensions());
        extensions.put("code", refused.code().name());
        GraphQLError error = GraphQLError.newError().message(refused.getMessage()).extensions(extensions).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                ExecutionResult.newExecutionResult().addError(error).build()));
    }
}
