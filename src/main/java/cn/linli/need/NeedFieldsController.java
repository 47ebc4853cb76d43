package cn.linli.need;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.linli.community.Community;
import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.order.ServiceOrder;
import cn.linli.photo.PhotoService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Fields of needs, their timeline and meetings, batched per level; and the need behind an order. */
@Controller
class NeedFieldsController {

    private final NeedQueries queries;
    private final CommunityService communities;
    private final PhotoService photos;

    NeedFieldsController(NeedQueries queries, CommunityService communities, PhotoService photos) {
        this.queries = queries;
        this.communities = communities;
        this.photos = photos;
    }

    @BatchMapping(typeName = "Need", field = "household")
    Mono<Map<Need, Household>> household(List<Need> needs) {
        return Batches.one(needs, Need::householdId, communities::householdsByIds);
    }

    @BatchMapping(typeName = "Need", field = "community")
    Mono<Map<Need, Community>> community(List<Need> needs) {
        return Batches.one(needs, Need::communityId, communities::communitiesByIds);
    }

    @BatchMapping(typeName = "Need", field = "timeline")
    Mono<Map<Need, List<NeedEvent>>> timeline(List<Need> needs) {
        return Batches.many(needs, Need::id, queries::timelines);
    }

    @BatchMapping(typeName = "Need", field = "meeting")
    Mono<Map<Need, NeedMeeting>> meeting(List<Need> needs) {
        return Batches.one(needs, need -> need.meetingId() == null ? 0L : need.meetingId(), queries::meetingsByIds);
    }

    /** Signed links, for whoever was allowed to load the need. */
    @SchemaMapping(typeName = "Need", field = "photoUrls")
    List<String> photoUrls(Need need, GraphQLContext context) {
        return photos.urls(need.photoIds(), context);
    }

    @SchemaMapping(typeName = "Need", field = "statusName")
    String statusName(Need need) {
        return need.status().displayName();
    }

    @SchemaMapping(typeName = "Need", field = "kindName")
    @Nullable String kindName(Need need) {
        return need.kind() == null ? null : need.kind().displayName();
    }

    @SchemaMapping(typeName = "Need", field = "levelName")
    @Nullable String levelName(Need need) {
        return need.level() == null ? null : need.level().displayName();
    }

    @SchemaMapping(typeName = "Need", field = "overdue")
    boolean overdue(Need need) {
        return need.overdue(Instant.now());
    }

    @SchemaMapping(typeName = "Need", field = "escalated")
    boolean escalated(Need need) {
        return need.escalatedAt() != null;
    }

    @SchemaMapping(typeName = "Need", field = "mergedIntoId")
    @Nullable Long mergedIntoId(Need need) {
        return need.mergedInto();
    }

    @SchemaMapping(typeName = "NeedEvent", field = "actionName")
    String actionName(NeedEvent event) {
        return event.action().displayName();
    }

    @BatchMapping(typeName = "NeedMeeting", field = "agenda")
    Mono<Map<NeedMeeting, List<AgendaItem>>> agenda(List<NeedMeeting> meetings) {
        return Batches.many(meetings, NeedMeeting::id, queries::agendas);
    }

    @BatchMapping(typeName = "AgendaItem", field = "need")
    Mono<Map<AgendaItem, Need>> needOfItem(List<AgendaItem> items) {
        return Batches.one(items, AgendaItem::needId, queries::byIds);
    }

    @SchemaMapping(typeName = "NeedTriageRule", field = "dueWithinHours")
    long dueWithinHours(TriageRule rule) {
        return rule.dueWithinSeconds() / 3600;
    }

    @SchemaMapping(typeName = "NeedTriageRule", field = "isDefault")
    boolean isDefault(TriageRule rule) {
        return rule.communityId() == null;
    }

    /** The need an order was made from, if the viewer may see that need; null otherwise. */
    @SchemaMapping(typeName = "Order", field = "need")
    Mono<Need> needOfOrder(ServiceOrder order, Viewer viewer, GraphQLContext context) {
        return queries.ofOrders(viewer, List.of(order.id()), context)
                .flatMap(byOrder -> Mono.justOrEmpty(byOrder.get(order.id())));
    }
}
