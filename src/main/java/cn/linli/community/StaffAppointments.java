package cn.linli.community;

import java.util.List;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Administrators appoint and revoke community staff (社区工作者), with a title and, typically for a 网格员, the
 * buildings of their grid. Appointing someone already appointed to the same community changes their title and grid.
 * Revoking works at once: staff rights are read from the staff table on every request, never from the token.
 */
@Service
class StaffAppointments {

    /** What the audit trail records of an appointment. */
    record Appointment(long communityId, String title, List<Long> gridBuildingIds) {
    }

    private final StaffRepository staff;
    private final TreeRepository tree;
    private final CommunityService reads;
    private final CommunityAccess access;
    private final Appointees appointees;
    private final AuditLog audit;

    StaffAppointments(StaffRepository staff, TreeRepository tree, CommunityService reads, CommunityAccess access,
                      Appointees appointees, AuditLog audit) {
        this.staff = staff;
        this.tree = tree;
        this.reads = reads;
        this.access = access;
        this.appointees = appointees;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<StaffMember> appoint(Viewer viewer, long communityId, long accountId, String title, List<Long> grid) {
        Appointment after = new Appointment(communityId, title, grid.stream().distinct().sorted().toList());
        return access.requireAdmin(viewer)
                .then(communityInUse(communityId))
                .then(checkGrid(communityId, after.gridBuildingIds()))
                .then(appointees.lockAndRead(accountId))
                .flatMap(current -> {
                    if (current.street() != null
                            || (current.staff() != null && current.staff().communityId() != communityId)) {
                        return Mono.error(Appointees.elsewhere());
                    }
                    return appointFrom(viewer, accountId, current.staff(), after);
                })
                .then(staff.staffByAccountIds(List.of(accountId)).next());
    }

    private Mono<Void> appointFrom(Viewer viewer, long accountId, @Nullable StaffMember current, Appointment after) {
        if (current == null) {
            return save(viewer, accountId, null, after);
        }
        return before(current).flatMap(before -> save(viewer, accountId, before, after));
    }

    private Mono<Void> save(Viewer viewer, long accountId, @Nullable Appointment before, Appointment after) {
        if (after.equals(before)) {
            return Mono.empty();
        }
        return staff.upsertStaff(accountId, after.communityId(), after.title())
                .then(staff.replaceGrid(accountId, after.communityId(), after.gridBuildingIds()))
                .then(appointees.grantStaffRole(accountId))
                .then(record(viewer, accountId, after.communityId(),
                        before == null ? AuditAction.APPOINTED : AuditAction.UPDATED, before, after));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Place> revoke(Viewer viewer, long accountId) {
        return access.requireAdmin(viewer)
                .then(appointees.lockAndRead(accountId))
                .flatMap(current -> {
                    StaffMember appointed = current.staff();
                    return appointed == null ? Mono.error(LinliException.notFound("该社区工作者任命")) : before(appointed);
                })
                .flatMap(before -> staff.deleteStaff(accountId)
                        .then(appointees.dropStaffRoleIfNoneLeft(accountId))
                        .then(record(viewer, accountId, before.communityId(), AuditAction.REVOKED, before, null))
                        .then(reads.place(PlaceKind.COMMUNITY, before.communityId())));
    }

    /** The appointment as it stands, grid included. */
    private Mono<Appointment> before(StaffMember current) {
        return reads.gridsOf(List.of(current.id()))
                .map(grids -> new Appointment(current.communityId(), current.title(),
                        grids.getOrDefault(current.id(), List.of()).stream().map(Building::id).sorted().toList()));
    }

    /** Share-locked, so the community cannot be retired while someone is appointed to it. */
    private Mono<Void> communityInUse(long communityId) {
        return tree.lockShared(PlaceKind.COMMUNITY, communityId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("社区")))
                .filter(community -> !community.retired())
                .switchIfEmpty(Mono.error(() -> PlaceLifecycle.retired("该社区已停用，不能任命工作人员")))
                .then();
    }

    /** Grid buildings must be buildings in use of the same community (the foreign keys also refuse other communities). */
    private Mono<Void> checkGrid(long communityId, List<Long> buildingIds) {
        if (buildingIds.isEmpty()) {
            return Mono.empty();
        }
        return reads.buildingsByIds(buildingIds).flatMap(found -> {
            boolean ok = buildingIds.stream().map(found::get)
                    .allMatch(b -> b != null && b.communityId() == communityId && !b.retired());
            return ok ? Mono.<Void>empty() : Mono.error(LinliException.invalid("input.gridBuildingIds",
                    "网格楼栋须是本社区在用的楼栋"));
        });
    }

    private Mono<Void> record(Viewer viewer, long accountId, long communityId, AuditAction action,
                              @Nullable Appointment before, @Nullable Appointment after) {
        return audit.record(new AuditChange(viewer.accountId(), communityId, AuditSubject.STAFF, accountId, action,
                before, after));
    }
}
