package cn.linli.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import cn.linli.devservices.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs never carry phone numbers, real names, tokens or openids: everything cn.linli logs at DEBUG in a whole journey,
 * and the access log's line for every request of it.
 */
class PersonalDataLogScanE2ETest extends PrivacyTestBase {

    @Test
    void aJourneyFromLoginToARatedOrderLogsNoPersonalData() {
        Logger linli = (Logger) LoggerFactory.getLogger("cn.linli");
        Logger accessLog = (Logger) LoggerFactory.getLogger("reactor.netty.http.server.AccessLog");
        Level level = linli.getLevel();
        Level accessLevel = accessLog.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        linli.addAppender(captured);
        linli.setLevel(Level.DEBUG);
        accessLog.addAppender(captured);
        accessLog.setLevel(Level.DEBUG);
        String code = "logscan-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = "13700009999";
        String realName = "吴日志";
        List<String> secrets = new ArrayList<>();
        try {
            Login person = personWithCode(code, phone);
            long household = newHousehold();
            String requestId = verified(person, household, "HEAD", realName);
            api(staffOnce().client(), "VerificationRequest").variable("id", requestId).execute().errors().verify();
            String order = placeOrder(person, household, phone);
            serveAndRate(person, order);
            String refreshed = api(anonymous(), "RefreshSession").variable("input", Map.of("refreshToken", person.refreshToken()))
                    .execute().path("refreshSession.refreshToken").entity(String.class).get();
            this.accessLog.flush().block();
            secrets.addAll(List.of(phone, realName, person.accessToken(), person.refreshToken(), refreshed,
                    secretOf(person.refreshToken()), WeChatSandbox.openidFor(code)));
        } finally {
            linli.detachAppender(captured);
            linli.setLevel(level);
            accessLog.detachAppender(captured);
            accessLog.setLevel(accessLevel);
        }
        List<ILoggingEvent> events = List.copyOf(captured.list);
        assertThat(events).as("the journey logged something at DEBUG").isNotEmpty();
        for (ILoggingEvent event : events) {
            String text = event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : secrets) {
                assertThat(text).as("log line of %s", event.getLoggerName()).doesNotContain(secret);
            }
        }
    }

    private static String secretOf(String refreshToken) {
        return refreshToken.substring(refreshToken.indexOf('.') + 1);
    }
}
