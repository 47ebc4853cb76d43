package cn.linli.console;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may open a console session: community staff, street staff and administrators. Appointments are read from the
 * database on every confirm, never from the access token's roles, so a revoked staff member's old token confirms
 * nothing. Residents and partners get CONSOLE_STAFF_ONLY, which the confirm page shows as it is.
 */
@Component
class ConsoleAccess {

    private final TicketRepository tickets;

    ConsoleAccess(TicketRepository tickets) {
        this.tickets = tickets;
    }

    Mono<Void> requireConsoleUser(Viewer viewer) {
        if (viewer.has(Role.ADMIN)) {
            return Mono.empty();
        }
        return tickets.isAppointedStaff(viewer.accountId())
                .flatMap(appointed -> appointed ? Mono.<Void>empty() : Mono.error(staffOnly()));
    }

    private static LinliException staffOnly() {
        return new LinliException(ErrorCode.CONSOLE_STAFF_ONLY, ErrorCode.CONSOLE_STAFF_ONLY.defaultMessage());
    }
}
