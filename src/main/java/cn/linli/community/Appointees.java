package cn.linli.community;

import java.util.List;

import cn.linli.identity.IdentityService;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What community and street appointments share: the person is named by account id (shown on their 我的 page as
 * {@code me { id }}), must exist, holds at most ONE appointment (a community or a street), and holds the STAFF role
 * exactly while appointed somewhere. Runs inside the caller's transaction.
 */
@Component
class Appointees {

    /** The account's appointments now (at most one is non-null). */
    record Current(@Nullable StaffMember staff, @Nullable StreetStaffMember street) {
    }

    private final StaffRepository staff;
    private final IdentityService identity;

    Appointees(StaffRepository staff, IdentityService identity) {
        this.staff = staff;
        this.identity = identity;
    }

    /** NOT_FOUND for an unknown account; otherwise locks the account's appointments and reads them. */
    Mono<Current> lockAndRead(long accountId) {
        return identity.accountsByIds(List.of(accountId))
                .filter(accounts -> accounts.containsKey(accountId))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("账号")))
                .then(staff.lockAppointmentsOf(accountId))
                .then(Mono.zip(
                        staff.staffByAccountIds(List.of(accountId)).next().map(List::of).defaultIfEmpty(List.of()),
                        staff.streetStaffOf(accountId).map(List::of).defaultIfEmpty(List.of())))
                .map(both -> new Current(both.getT1().isEmpty() ? null : both.getT1().get(0),
                        both.getT2().isEmpty() ? null : both.getT2().get(0)));
    }

    static LinliException elsewhere() {
        return new LinliException(ErrorCode.STAFF_ELSEWHERE, "该账号已在其他社区或街道任职，请先撤销原任命");
    }

    Mono<Void> grantStaffRole(long accountId) {
        return identity.grantRole(accountId, Role.STAFF);
    }

    /** The STAFF role goes once the account holds no appointment anywhere (the caller has just deleted one). */
    Mono<Void> dropStaffRoleIfNoneLeft(long accountId) {
        return lockAndRead(accountId)
                .flatMap(left -> left.staff() == null && left.street() == null
                        ? identity.revokeRole(accountId, Role.STAFF) : Mono.empty());
    }
}
