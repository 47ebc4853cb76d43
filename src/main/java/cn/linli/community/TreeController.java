package cn.linli.community;

import java.util.List;
import java.util.Map;

import cn.linli.community.TreeInputs.AppointStaffInput;
import cn.linli.community.TreeInputs.AppointStreetStaffInput;
import cn.linli.community.TreeInputs.CreateBuildingInput;
import cn.linli.community.TreeInputs.CreateCommunityInput;
import cn.linli.community.TreeInputs.CreateEstateInput;
import cn.linli.community.TreeInputs.CreateHouseholdInput;
import cn.linli.community.TreeInputs.CreateStreetInput;
import cn.linli.community.TreeInputs.CreateUnitInput;
import cn.linli.community.TreeInputs.PlaceInput;
import cn.linli.community.TreeInputs.RenamePlaceInput;
import cn.linli.community.TreeInputs.RevokeStaffInput;
import cn.linli.community.TreeInputs.RevokeStreetStaffInput;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mutations that manage the tree and its staff; rules and transactions live in the services. */
@Controller
class TreeController {

    /** The input field naming the parent, per kind created. */
    private static final Map<PlaceKind, String> PARENT_FIELDS = Map.of(PlaceKind.COMMUNITY, "streetId",
            PlaceKind.ESTATE, "communityId", PlaceKind.BUILDING, "estateId", PlaceKind.UNIT, "buildingId",
            PlaceKind.HOUSEHOLD, "unitId");

    private final PlaceCreation creation;
    private final PlaceChanges changes;
    private final StaffAppointments staff;
    private final StreetStaffAppointments streetStaff;

    TreeController(PlaceCreation creation, PlaceChanges changes, StaffAppointments staff,
                   StreetStaffAppointments streetStaff) {
        this.creation = creation;
        this.changes = changes;
        this.staff = staff;
        this.streetStaff = streetStaff;
    }

    @MutationMapping
    Mono<Street> createStreet(@Argument @Valid CreateStreetInput input, Viewer viewer) {
        return create(Street.class, viewer, PlaceKind.STREET, null, input.name(), null);
    }

    @MutationMapping
    Mono<Community> createCommunity(@Argument @Valid CreateCommunityInput input, Viewer viewer) {
        return create(Community.class, viewer, PlaceKind.COMMUNITY, input.streetId(), input.name(), input.address());
    }

    @MutationMapping
    Mono<Estate> createEstate(@Argument @Valid CreateEstateInput input, Viewer viewer) {
        return create(Estate.class, viewer, PlaceKind.ESTATE, input.communityId(), input.name(), null);
    }

    @MutationMapping
    Mono<Building> createBuilding(@Argument @Valid CreateBuildingInput input, Viewer viewer) {
        return create(Building.class, viewer, PlaceKind.BUILDING, input.estateId(), input.name(), null);
    }

    @MutationMapping
    Mono<Unit> createUnit(@Argument @Valid CreateUnitInput input, Viewer viewer) {
        return create(Unit.class, viewer, PlaceKind.UNIT, input.buildingId(), input.name(), null);
    }

    @MutationMapping
    Mono<Household> createHousehold(@Argument @Valid CreateHouseholdInput input, Viewer viewer) {
        return create(Household.class, viewer, PlaceKind.HOUSEHOLD, input.unitId(), input.room(), null);
    }

    /** {@code parentId} is the input's parent field (e.g. {@code input.estateId}); none for a street. */
    private <P extends Place> Mono<P> create(Class<P> type, Viewer viewer, PlaceKind kind, @Nullable String parentId,
                                             String name, @Nullable String address) {
        return Mono.defer(() -> {
            Long parent = kind.parent() == null ? null : Ids.parse(parentId, "input." + PARENT_FIELDS.get(kind));
            return creation.create(viewer, kind, parent, name, address).cast(type);
        });
    }

    @MutationMapping
    Mono<Place> renamePlace(@Argument @Valid RenamePlaceInput input, Viewer viewer) {
        return Mono.defer(() -> {
            input.checkLength();
            return changes.rename(viewer, input.kind(), Ids.parse(input.id(), "input.id"), input.name());
        });
    }

    @MutationMapping
    Mono<Place> retirePlace(@Argument @Valid PlaceInput input, Viewer viewer) {
        return Mono.defer(() -> changes.retire(viewer, input.kind(), Ids.parse(input.id(), "input.id")));
    }

    @MutationMapping
    Mono<Place> reinstatePlace(@Argument @Valid PlaceInput input, Viewer viewer) {
        return Mono.defer(() -> changes.reinstate(viewer, input.kind(), Ids.parse(input.id(), "input.id")));
    }

    @MutationMapping
    Mono<StaffMember> appointStaff(@Argument @Valid AppointStaffInput input, Viewer viewer) {
        return Mono.defer(() -> {
            List<String> grid = input.gridBuildingIds() == null ? List.of() : input.gridBuildingIds();
            List<Long> buildings = grid.stream().map(id -> Ids.parse(id, "input.gridBuildingIds")).toList();
            return staff.appoint(viewer, Ids.parse(input.communityId(), "input.communityId"),
                    Ids.parse(input.accountId(), "input.accountId"), input.title(), buildings);
        });
    }

    @MutationMapping
    Mono<Community> revokeStaff(@Argument @Valid RevokeStaffInput input, Viewer viewer) {
        return Mono.defer(() -> staff.revoke(viewer, Ids.parse(input.accountId(), "input.accountId")).cast(Community.class));
    }

    @MutationMapping
    Mono<StreetStaffMember> appointStreetStaff(@Argument @Valid AppointStreetStaffInput input, Viewer viewer) {
        return Mono.defer(() -> streetStaff.appoint(viewer, Ids.parse(input.streetId(), "input.streetId"),
                Ids.parse(input.accountId(), "input.accountId"), input.title()));
    }

    @MutationMapping
    Mono<Street> revokeStreetStaff(@Argument @Valid RevokeStreetStaffInput input, Viewer viewer) {
        return Mono.defer(() -> streetStaff.revoke(viewer, Ids.parse(input.accountId(), "input.accountId")).cast(Street.class));
    }
}
