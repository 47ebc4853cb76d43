package cn.linli.need;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.linli.need.NeedInputs.NeedFilter;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads of needs and meetings, each checked by {@link NeedPolicy}; lists are keyset pages, newest first. */
@Service
class NeedQueries {

    private final NeedRepository needs;
    private final NeedEventRepository events;
    private final MeetingRepository meetings;
    private final NeedPolicy policy;

    NeedQueries(NeedRepository needs, NeedEventRepository events, MeetingRepository meetings, NeedPolicy policy) {
        this.needs = needs;
        this.events = events;
        this.meetings = meetings;
        this.policy = policy;
    }

    Mono<Connection<Need>> mine(Viewer viewer, @Nullable Integer first, @Nullable String after) {
        return Mono.defer(() -> {
            PageRequest page = PageRequest.of(first, after);
            return needs.ofMember(viewer.accountId(), page).collectList()
                    .map(rows -> Connection.of(rows, page, Need::position));
        });
    }

    /** NOT_FOUND when there is no such need; FORBIDDEN when there is one the viewer may not see. */
    Mono<Need> one(Viewer viewer, String id, GraphQLContext context) {
        return Mono.defer(() -> needs.find(Ids.parse(id, "id")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("需求")))
                .zipWith(policy.scope(viewer, context))
                .map(found -> NeedPolicy.visible(found.getT2(), found.getT1()));
    }

    /** The need of each order the viewer may see it with (null otherwise). */
    Mono<Map<Long, Need>> ofOrders(Viewer viewer, Collection<Long> orderIds, GraphQLContext context) {
        return policy.scope(viewer, context)
                .flatMap(scope -> needs.byOrderIds(orderIds).filter(scope::sees)
                        .collectMap(need -> need.orderId() == null ? 0L : need.orderId()));
    }

    Mono<Connection<Need>> ofCommunity(Viewer viewer, String communityId, @Nullable NeedFilter filter,
                                       @Nullable Integer first, @Nullable String after) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            var rows = new NeedRepository.Filter(filter == null ? null : filter.status(),
                    filter == null ? null : filter.kind(), filter == null ? null : filter.level(),
                    filter != null && Boolean.TRUE.equals(filter.overdue()));
            return policy.asStaff(viewer, community)
                    .then(needs.ofCommunity(community, rows, page).collectList())
                    .map(found -> Connection.of(found, page, Need::position));
        });
    }

    Mono<Connection<Need>> escalatedInStreet(Viewer viewer, @Nullable Integer first, @Nullable String after,
                                             GraphQLContext context) {
        return Mono.defer(() -> {
            PageRequest page = PageRequest.of(first, after);
            return policy.scope(viewer, context)
                    .flatMap(scope -> needs.escalatedInStreet(scope.requireStreet(), page).collectList())
                    .map(rows -> Connection.of(rows, page, Need::position));
        });
    }

    Mono<Connection<NeedMeeting>> meetingsOf(Viewer viewer, String communityId, @Nullable Integer first,
                                             @Nullable String after) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            return policy.asStaff(viewer, community)
                    .then(meetings.ofCommunity(community, page).collectList())
                    .map(rows -> Connection.of(rows, page, NeedMeeting::position));
        });
    }

    Mono<Map<Long, List<NeedEvent>>> timelines(Collection<Long> needIds) {
        return events.timelines(needIds).collect(Collectors.groupingBy(NeedEvent::needId));
    }

    Mono<Map<Long, List<AgendaItem>>> agendas(Collection<Long> meetingIds) {
        return meetings.agendas(meetingIds).collect(Collectors.groupingBy(AgendaItem::meetingId));
    }

    Mono<Map<Long, Need>> byIds(Collection<Long> ids) {
        return needs.byIds(ids).collectMap(Need::id);
    }

    Mono<Map<Long, NeedMeeting>> meetingsByIds(Collection<Long> ids) {
        return meetings.byIds(ids).collectMap(NeedMeeting::id);
    }

    /** Which of these needs one of the viewer's households supports. */
    Mono<java.util.Set<Long>> supportedByViewer(Viewer viewer, Collection<Long> needIds, GraphQLContext context) {
        return policy.scope(viewer, context).flatMap(scope -> scope.householdIds().isEmpty()
                ? Mono.just(java.util.Set.<Long>of())
                : events.supportedAmong(needIds, scope.householdIds()).collect(Collectors.toSet()));
    }
}
