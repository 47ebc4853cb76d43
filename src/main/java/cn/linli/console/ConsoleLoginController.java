package cn.linli.console;

import cn.linli.platform.security.Viewer;
import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of the console's scan login. */
@Controller
class ConsoleLoginController {

    private final ConsoleLogins logins;

    ConsoleLoginController(ConsoleLogins logins) {
        this.logins = logins;
    }

    @MutationMapping
    Mono<ConsoleLogins.Ticket> createConsoleLoginTicket() {
        return logins.create();
    }

    @MutationMapping
    Mono<ConsoleInputs.ConfirmConsoleLoginPayload> confirmConsoleLogin(
            @Argument @Valid ConsoleInputs.ConfirmConsoleLoginInput input, Viewer viewer) {
        return logins.confirm(viewer, input.ticketId()).map(ConsoleInputs.ConfirmConsoleLoginPayload::new);
    }

    @MutationMapping
    Mono<ConsoleLogins.Poll> pollConsoleLoginTicket(@Argument @Valid ConsoleInputs.PollConsoleLoginTicketInput input) {
        return logins.poll(input.ticketId(), input.pollToken());
    }
}
