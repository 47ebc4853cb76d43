package cn.linli.console;

import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Inputs of the console login mutations. Ticket ids and poll tokens are url-safe base64, at most 64 characters. */
final class ConsoleInputs {

    record ConfirmConsoleLoginInput(
            @NotBlank(message = "请重新扫码") @Size(max = 64, message = "二维码无效，请重新扫码") String ticketId) {
        ConfirmConsoleLoginInput {
            ticketId = Texts.strip(ticketId);
        }
    }

    record PollConsoleLoginTicketInput(
            @NotBlank(message = "请刷新二维码") @Size(max = 64, message = "二维码无效，请刷新") String ticketId,
            @NotBlank(message = "请刷新二维码") @Size(max = 64, message = "二维码无效，请刷新") String pollToken) {
    }

    record ConfirmConsoleLoginPayload(boolean confirmed) {
    }

    private ConsoleInputs() {
    }
}
