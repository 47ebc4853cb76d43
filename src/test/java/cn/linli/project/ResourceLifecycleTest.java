package cn.linli.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.linli.project.ResourceActor.OFFERER;
import static cn.linli.project.ResourceActor.STAFF;
import static cn.linli.project.ResourceActor.SYSTEM;
import static cn.linli.project.ResourceStatus.OFFERED;
import static cn.linli.project.ResourceStatus.PLEDGED;
import static cn.linli.project.ResourceStatus.USED;
import static cn.linli.project.ResourceStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resource's whole table, written out independently of the class: every (action, state, actor) case. */
class ResourceLifecycleTest {

    private record Rule(Set<ResourceStatus> from, ResourceStatus to, Set<ResourceActor> by) {
    }

    private static final Map<ResourceAction, Rule> EXPECTED = Map.of(
            ResourceAction.OFFER, new Rule(Set.of(), OFFERED, Set.of(OFFERER, STAFF)),
            ResourceAction.WITHDRAW, new Rule(Set.of(OFFERED), WITHDRAWN, Set.of(OFFERER, STAFF)),
            ResourceAction.PLEDGE, new Rule(Set.of(OFFERED), PLEDGED, Set.of(STAFF)),
            ResourceAction.USE, new Rule(Set.of(PLEDGED), USED, Set.of(SYSTEM)),
            ResourceAction.RELEASE, new Rule(Set.of(PLEDGED), OFFERED, Set.of(SYSTEM)));

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (ResourceAction action : ResourceAction.values()) {
            for (ResourceStatus from : ResourceStatus.values()) {
                for (ResourceActor actor : ResourceActor.values()) {
                    cases.add(Arguments.of(action, from, actor));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from {1} by {2}")
    @MethodSource("everyCase")
    void everyTransitionIsAllowedOrRefusedAsTheTableSays(ResourceAction action, ResourceStatus from,
                                                         ResourceActor actor) {
        Rule rule = EXPECTED.get(action);
        if (!rule.by().contains(actor)) {
            assertThatThrownBy(() -> ResourceLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
        } else if (!rule.from().contains(from)) {
            assertThatThrownBy(() -> ResourceLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.RESOURCE_INVALID_TRANSITION);
                        assertThat(ex.getMessage()).contains(from.displayName());
                    });
        } else {
            assertThat(ResourceLifecycle.check(action, from, actor)).isEqualTo(rule.to());
        }
    }

    @Test
    void theDatabaseGuardsUseTheSameSources() {
        for (ResourceAction action : ResourceAction.values()) {
            assertThat(ResourceLifecycle.sourcesOf(action)).as(action.name()).isEqualTo(EXPECTED.get(action).from());
        }
        assertThat(ResourceLifecycle.INITIAL).isEqualTo(OFFERED);
    }
}
