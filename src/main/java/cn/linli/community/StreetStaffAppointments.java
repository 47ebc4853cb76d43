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
 * Administrators appoint and revoke street staff (街道工作人员), who oversee every community of their street (read
 * only, see {@link CommunityAccess}). Audited as platform-level entries (no community).
 */
@Service
class StreetStaffAppointments {

    /** What the audit trail records of a street appointment. */
    record Appointment(long streetId, String title) {
    }

    private final StaffRepository staff;
    private final TreeRepository tree;
    private final CommunityService reads;
    private final CommunityAccess access;
    private final Appointees appointees;
    private final AuditLog audit;

    StreetStaffAppointments(StaffRepository staff, TreeRepository tree, CommunityService reads,
                            CommunityAccess access, Appointees appointees, AuditLog audit) {
        this.staff = staff;
        this.tree = tree;
        this.reads = reads;
        this.access = access;
        this.appointees = appointees;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<StreetStaffMember> appoint(Viewer viewer, long streetId, long accountId, String title) {
        Appointment after = new Appointment(streetId, title);
        return access.requireAdmin(viewer)
                .then(streetInUse(streetId))
                .then(appointees.lockAndRead(accountId))
                .flatMap(current -> {
                    StreetStaffMember street = current.street();
                    if (current.staff() != null || (street != null && street.streetId() != streetId)) {
                        return Mono.error(Appointees.elsewhere());
                    }
                    Appointment before = street == null ? null : new Appointment(street.streetId(), street.title());
                    return save(viewer, accountId, before, after);
                })
                .then(staff.streetStaffOf(accountId));
    }

    private Mono<Void> save(Viewer viewer, long accountId, @Nullable Appointment before, Appointment after) {
        if (after.equals(before)) {
            return Mono.empty();
        }
        return staff.upsertStreetStaff(accountId, after.streetId(), after.title())
                .then(appointees.grantStaffRole(accountId))
                .then(record(viewer, accountId, before == null ? AuditAction.APPOINTED : AuditAction.UPDATED,
                        before, after));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Place> revoke(Viewer viewer, long accountId) {
        return access.requireAdmin(viewer)
                .then(appointees.lockAndRead(accountId))
                .flatMap(current -> {
                    StreetStaffMember street = current.street();
                    return street == null ? Mono.error(LinliException.notFound("该街道工作人员任命"))
                            : Mono.just(new Appointment(street.streetId(), street.title()));
                })
                .flatMap(before -> staff.deleteStreetStaff(accountId)
                        .then(appointees.dropStaffRoleIfNoneLeft(accountId))
                        .then(record(viewer, accountId, AuditAction.REVOKED, before, null))
                        .then(reads.place(PlaceKind.STREET, before.streetId())));
    }

    private Mono<Void> streetInUse(long streetId) {
        return tree.lockShared(PlaceKind.STREET, streetId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("街道")))
                .filter(street -> !street.retired())
                .switchIfEmpty(Mono.error(() -> PlaceLifecycle.retired("该街道已停用，不能任命工作人员")))
                .then();
    }

    private Mono<Void> record(Viewer viewer, long accountId, AuditAction action, @Nullable Appointment before,
                              @Nullable Appointment after) {
        return audit.record(new AuditChange(viewer.accountId(), null, AuditSubject.STAFF, accountId, action,
                before, after));
    }
}
