package cn.linli.order;

import java.util.List;
import java.util.function.Function;

import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * GraphQL queries and mutations of orders. Each loads the viewer's {@link OrderAccess.Scope} once for the request
 * (the order fields reuse it) and hands it to the service of its flow.
 */
@Controller
class OrderController {

    private final OrderAccess access;
    private final OrderQueries queries;
    private final OrderPlacement placement;
    private final OrderTransitions transitions;
    private final PartnerAnswers answers;

    OrderController(OrderAccess access, OrderQueries queries, OrderPlacement placement, OrderTransitions transitions,
                    PartnerAnswers answers) {
        this.access = access;
        this.queries = queries;
        this.placement = placement;
        this.transitions = transitions;
        this.answers = answers;
    }

    @QueryMapping
    Mono<ServiceOrder> order(@Argument String id, Viewer viewer, GraphQLContext context) {
        long orderId = Ids.parse(id, "id");
        return as(viewer, context, scope -> queries.visibleOrder(scope, orderId));
    }

    @QueryMapping
    Mono<Connection<ServiceOrder>> myOrders(@Argument @Nullable OrderStatus status, @Argument @Nullable Integer first,
                                            @Argument @Nullable String after, Viewer viewer, GraphQLContext context,
                                            DataFetchingEnvironment env) {
        PageRequest page = PageRequest.of(first, after);
        return as(viewer, context, scope -> queries.myOrders(scope, status, page)).map(rows -> page(env, rows, page));
    }

    @QueryMapping
    Mono<Connection<ServiceOrder>> dispatchQueue(@Argument String communityId, @Argument @Nullable OrderStatus status,
                                                 @Argument @Nullable Urgency urgency, @Argument @Nullable Boolean escalated,
                                                 @Argument @Nullable Integer first, @Argument @Nullable String after,
                                                 Viewer viewer, GraphQLContext context, DataFetchingEnvironment env) {
        long community = Ids.parse(communityId, "communityId");
        PageRequest page = PageRequest.of(first, after);
        return as(viewer, context, scope -> queries.dispatchQueue(scope, community, status, urgency, escalated, page))
                .map(rows -> page(env, rows, page));
    }

    @QueryMapping
    Mono<Connection<ServiceOrder>> partnerInbox(@Argument InboxFilter filter, @Argument @Nullable Integer first,
                                                @Argument @Nullable String after, Viewer viewer, GraphQLContext context,
                                                DataFetchingEnvironment env) {
        PageRequest page = PageRequest.of(first, after);
        return as(viewer, context, scope -> queries.partnerInbox(scope, filter, page)).map(rows -> page(env, rows, page));
    }

    @QueryMapping
    Mono<List<DispatchCandidate>> dispatchCandidates(@Argument String orderId, Viewer viewer, GraphQLContext context) {
        long id = Ids.parse(orderId, "orderId");
        return as(viewer, context, scope -> queries.dispatchCandidates(scope, id));
    }

    @MutationMapping
    Mono<ServiceOrder> placeOrder(@Argument @Valid OrderInputs.PlaceOrderInput input, Viewer viewer,
                                  GraphQLContext context) {
        return as(viewer, context, scope -> placement.placeOrder(scope, input));
    }

    @MutationMapping
    Mono<ServiceOrder> dispatchOrder(@Argument OrderInputs.DispatchOrderInput input, Viewer viewer,
                                     GraphQLContext context) {
        return as(viewer, context, scope -> transitions.dispatchOrder(scope, input));
    }

    @MutationMapping
    Mono<ServiceOrder> acceptOrder(@Argument OrderInputs.AcceptOrderInput input, Viewer viewer, GraphQLContext context) {
        return as(viewer, context, scope -> answers.acceptOrder(scope, input));
    }

    @MutationMapping
    Mono<ServiceOrder> declineOrder(@Argument @Valid OrderInputs.DeclineOrderInput input, Viewer viewer,
                                    GraphQLContext context) {
        return as(viewer, context, scope -> answers.declineOrder(scope, input));
    }

    @MutationMapping
    Mono<ServiceOrder> startOrder(@Argument OrderInputs.StartOrderInput input, Viewer viewer, GraphQLContext context) {
        return as(viewer, context, scope -> transitions.startOrder(scope, input));
    }

    @MutationMapping
    Mono<ServiceOrder> completeOrder(@Argument @Valid OrderInputs.CompleteOrderInput input, Viewer viewer,
                                     GraphQLContext context) {
        return as(viewer, context, scope -> transitions.completeOrder(scope, input));
    }

    @MutationMapping
    Mono<ServiceOrder> confirmOrder(@Argument @Valid OrderInputs.ConfirmOrderInput input, Viewer viewer,
                                    GraphQLContext context) {
        return as(viewer, context, scope -> transitions.confirmOrder(scope, input));
    }

    @MutationMapping
    Mono<ServiceOrder> cancelOrder(@Argument @Valid OrderInputs.CancelOrderInput input, Viewer viewer,
                                   GraphQLContext context) {
        return as(viewer, context, scope -> transitions.cancelOrder(scope, input));
    }

    /** The page's orders, their joined relations handed to the nested fields first (no statement per field). */
    private static Connection<ServiceOrder> page(DataFetchingEnvironment env, List<ListedOrder> rows, PageRequest page) {
        return Connection.of(OrderRelations.primed(env, rows), page, ServiceOrder::position);
    }

    private <T> Mono<T> as(Viewer viewer, GraphQLContext context, Function<OrderAccess.Scope, Mono<T>> work) {
        return access.scope(viewer, context).flatMap(work);
    }
}
