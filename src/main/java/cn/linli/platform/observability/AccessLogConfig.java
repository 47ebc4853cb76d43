package cn.linli.platform.observability;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.server.logging.AccessLog;
import reactor.netty.http.server.logging.AccessLogArgProvider;
import reactor.netty.http.server.logging.AccessLogFactory;

/**
 * One access-log line per HTTP request, written by Reactor Netty when the response is complete (so it sees the final
 * status, also of requests refused by security or answered by the error handler) on the logger
 * {@code reactor.netty.http.server.AccessLog}: method, path, status, duration and request id. Never the query string
 * (it may carry a photo link's signature) nor bodies.
 */
@Configuration(proxyBeanMethods = false)
class AccessLogConfig {

    static final String FORMAT = "{} {} {} {}ms requestId={}";

    @Bean
    NettyServerCustomizer accessLog() {
        return server -> server.accessLog(true, AccessLogFactory.createFilter(AccessLogConfig::worthALine, AccessLogConfig::line));
    }

    /** Not the health checks and scrapes that answered fine every few seconds: they would drown the requests. */
    static boolean worthALine(AccessLogArgProvider args) {
        return !(String.valueOf(args.uri()).startsWith("/actuator/") && String.valueOf(args.status()).startsWith("2"));
    }

    static AccessLog line(AccessLogArgProvider args) {
        CharSequence requestId = args.responseHeader(RequestIds.HEADER);
        return AccessLog.create(FORMAT, args.method(), pathOf(args.uri()), args.status(), args.duration(),
                requestId == null ? "-" : requestId);
    }

    /** The path without the query string. */
    static String pathOf(CharSequence uri) {
        String text = String.valueOf(uri);
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }
}
