package cn.linli.project;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

import static cn.linli.project.ResourceActor.OFFERER;
import static cn.linli.project.ResourceActor.STAFF;
import static cn.linli.project.ResourceActor.SYSTEM;
import static cn.linli.project.ResourceStatus.OFFERED;
import static cn.linli.project.ResourceStatus.PLEDGED;
import static cn.linli.project.ResourceStatus.USED;
import static cn.linli.project.ResourceStatus.WITHDRAWN;

/**
 * A resource's state machine: offered (by a partner's member, or by staff for a named unit), withdrawn while still
 * free, pledged to a project by staff, then used when the project completes or offered again when it is cancelled.
 */
final class ResourceLifecycle {

    static final ResourceStatus INITIAL = OFFERED;

    private static final TransitionTable<ResourceStatus, ResourceAction, ResourceActor> TABLE =
            new TransitionTable<ResourceStatus, ResourceAction, ResourceActor>(ResourceStatus.class,
                    ResourceAction.class, ResourceLifecycle::invalidTransition)
                    .put(ResourceAction.OFFER, Set.of(), OFFERED, OFFERER, STAFF)
                    .put(ResourceAction.WITHDRAW, EnumSet.of(OFFERED), WITHDRAWN, OFFERER, STAFF)
                    .put(ResourceAction.PLEDGE, EnumSet.of(OFFERED), PLEDGED, STAFF)
                    .put(ResourceAction.USE, EnumSet.of(PLEDGED), USED, SYSTEM)
                    .put(ResourceAction.RELEASE, EnumSet.of(PLEDGED), OFFERED, SYSTEM);

    static Set<ResourceStatus> sourcesOf(ResourceAction action) {
        return TABLE.sourcesOf(action);
    }

    static ResourceStatus check(ResourceAction action, ResourceStatus from, ResourceActor actor) {
        return TABLE.check(action, from, actor);
    }

    static LinliException invalidTransition(ResourceStatus status) {
        return new LinliException(ErrorCode.RESOURCE_INVALID_TRANSITION,
                "该资源" + status.displayName() + "，不能再这样操作", Map.of("status", status.name()), null);
    }

    private ResourceLifecycle() {
    }
}
