package cn.linli.order;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.linli.photo.PhotoService;
import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.graphql.OperationPricing;
import cn.linli.platform.graphql.PublishedOperations;
import cn.linli.platform.graphql.QueryLimits;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.Keyset;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewers;
import cn.linli.privacy.DataAccessKind;
import cn.linli.privacy.DataAccessLog;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationDocumentation;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.util.RawValue;

/**
 * The dispatch board, compiled: the published {@code DispatchQueue} document (api/) is answered by one SQL statement
 * that writes the page as JSON ({@link DispatchBoardRows}) instead of by graphql-java resolving some 2,000 fields one
 * by one. The board is what staff keep open all day, and with every nested field it cost 5× more than PostGraphile's
 * one statement (issue 15); this is the same idea, for the one document that needs it.
 * <p>
 * Only that document, as published (compared in canonical form, so whitespace and fragment order do not matter), from
 * a viewer who is staff of the community (or an administrator), with variables the general path would accept and
 * within the query limits, is compiled: the viewer's scope (one statement, as on the general path), then the page. Everything else, errors included, goes on to graphql-java unchanged, so the answers cannot differ:
 * {@code CompiledDispatchBoardE2ETest} compares the two paths field by field. The checks are the general path's own
 * ({@link OrderAccess.Scope#requireStaffOf}, {@link PageRequest}, the query limits), and so are the side effects (the
 * phone read is recorded in the access log) and the request timing ({@code graphql.request}).
 * {@code linli.graphql.compiled-board=false} switches it off (to measure it, or should the two ever disagree).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // last: rate limits, consent and the photo base URL have run
@ConditionalOnProperty(name = "linli.graphql.compiled-board", havingValue = "true", matchIfMissing = true)
class CompiledDispatchBoard implements WebGraphQlInterceptor {

    static final String OPERATION = "DispatchQueue";
    private static final String OPERATION_FIELD = "dispatchQueue";
    private static final ExecutionRequestObservationConvention DEFAULT_CONVENTION =
            new DefaultExecutionRequestObservationConvention();

    private final String canonical;
    private final int largestPage;
    private final DispatchBoardRows rows;
    private final OrderAccess access;
    private final PersonalDataCipher cipher;
    private final PhotoService photos;
    private final DataAccessLog accessLog;
    private final ObservationRegistry observations;
    private final @Nullable ExecutionRequestObservationConvention convention;

    CompiledDispatchBoard(DispatchBoardRows rows, OrderAccess access, PersonalDataCipher cipher, PhotoService photos,
                          DataAccessLog accessLog, GraphQlSource graphQl, QueryLimits limits,
                          ObservationRegistry observations,
                          Optional<ExecutionRequestObservationConvention> convention) {
        this.rows = rows;
        this.access = access;
        this.cipher = cipher;
        this.photos = photos;
        this.accessLog = accessLog;
        this.observations = observations;
        this.convention = convention.orElse(null);
        this.canonical = PublishedOperations.canonicalByName().get(OPERATION);
        this.largestPage = largestAcceptedPage(graphQl, limits, canonical);
    }

    /**
     * The largest {@code first} the query limits accept for this document: they price it by page size, so a larger
     * page never costs less (a binary search, a handful of pricings at start-up).
     */
    private static int largestAcceptedPage(GraphQlSource graphQl, QueryLimits limits, String document) {
        int accepted = 0;
        int refused = PageRequest.MAX_PAGE_SIZE + 1;
        while (refused - accepted > 1) {
            int first = (accepted + refused) >>> 1;
            if (OperationPricing.withinLimits(graphQl.schema(), document, OPERATION,
                    Map.of("communityId", "1", "first", first), limits)) {
                accepted = first;
            } else {
                refused = first;
            }
        }
        return accepted;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        BoardVariables variables = compilable(request);
        if (variables == null) {
            return chain.next(request);
        }
        ExecutionInput input = request.toExecutionInput();
        return Viewers.optional()
                .flatMap(viewer -> access.scope(viewer, input.getGraphQLContext()))
                .filter(scope -> scope.isStaffOf(variables.communityId()))
                .flatMap(scope -> answer(input, scope, variables))
                .switchIfEmpty(Mono.defer(() -> chain.next(request))); // anonymous, not staff: the general path's error
    }

    /** The variables, if the request is the published document with variables the general path would accept. */
    private @Nullable BoardVariables compilable(WebGraphQlRequest request) {
        String operationName = request.getOperationName();
        if ((operationName != null && !operationName.isEmpty() && !OPERATION.equals(operationName))
                || !request.getDocument().contains(OPERATION)
                || !canonical.equals(PublishedOperations.canonical(request.getDocument()))) {
            return null;
        }
        BoardVariables variables = BoardVariables.of(request.getVariables());
        return variables != null && variables.page().first() <= largestPage ? variables : null;
    }

    private Mono<WebGraphQlResponse> answer(ExecutionInput input, OrderAccess.Scope scope, BoardVariables variables) {
        ExecutionRequestObservationContext timing = new ExecutionRequestObservationContext(input);
        Observation observation = GraphQlObservationDocumentation.EXECUTION_REQUEST
                .observation(convention, DEFAULT_CONVENTION, () -> timing, observations).start();
        return rows.page(variables.communityId(), variables.status(), variables.urgency(), variables.escalated(),
                        variables.page())
                .collectList()
                .map(page -> {
                    ExecutionResult result = ExecutionResult.newExecutionResult()
                            .data(Map.of(OPERATION_FIELD, new RawValue(json(page, variables.page(), scope,
                                    input.getGraphQLContext()))))
                            .build();
                    timing.setExecutionResult(result);
                    return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input, result));
                })
                // stopped before the answer goes out (doOnSuccess runs before the value is emitted), as graphql-java's
                // own timing is: whoever reads the metric after the response finds this request in it
                .doOnSuccess(answered -> observation.stop())
                .doOnError(failure -> observation.error(failure).stop())
                .doOnCancel(observation::stop);
    }

    /** The connection as the document selects it, each order's fields in the document's order. */
    private String json(List<DispatchBoardRows.Row> page, PageRequest request, OrderAccess.Scope scope,
                        GraphQLContext context) {
        Connection<DispatchBoardRows.Row> connection = Connection.of(page, request,
                row -> new Keyset(row.createdAt(), row.id()));
        accessLog.seen(scope.viewer().accountId(), connection.edges().stream().map(edge -> edge.node().residentId())
                .toList(), DataAccessKind.ORDER_CONTACT_PHONE); // staff of the community see every phone on its board
        BoardJson out = new BoardJson().raw("{\"edges\":[");
        List<Connection.Edge<DispatchBoardRows.Row>> edges = connection.edges();
        for (int i = 0; i < edges.size(); i++) {
            DispatchBoardRows.Row row = edges.get(i).node();
            out.raw(i == 0 ? "{\"cursor\":" : ",{\"cursor\":").string(edges.get(i).cursor())
                    .raw(",\"node\":{").members(row.head())
                    .raw(",\"photoUrls\":").strings(photos.urls(row.photoIds(), context))
                    .raw(",").members(row.schedule())
                    .raw(",\"contactPhone\":").string(String.valueOf(cipher.open(row.sealedPhone())))
                    .raw(",").members(row.service())
                    .raw(",\"completionPhotoUrls\":").strings(photos.urls(row.completionPhotoIds(), context))
                    .raw(",").members(row.tail())
                    .raw("}}");
        }
        Connection.PageInfo info = connection.pageInfo();
        out.raw("],\"pageInfo\":{\"hasNextPage\":").raw(String.valueOf(info.hasNextPage())).raw(",\"endCursor\":");
        return (info.endCursor() == null ? out.raw("null") : out.string(info.endCursor())).raw("}}").toString();
    }
}
