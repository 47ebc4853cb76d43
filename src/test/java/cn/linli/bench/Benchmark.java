package cn.linli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.linli.LinliApplication;
import cn.linli.devservices.DevServices;
import cn.linli.support.ApiDocuments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load benchmark: starts the server with the dev services, then for each read the clients make most often sends as
 * many requests as {@code CONCURRENCY} clients can in {@code SECONDS}, and prints throughput and latency percentiles.
 * Run with {@code ./mvnw -q test-compile exec:java@benchmark} (see README.md). Numbers depend on the machine; compare
 * runs on the same one.
 */
public final class Benchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>(DevServices.start());
        settings.put("server.port", "0");
        settings.put("logging.level.root", "WARN");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinliApplication.class).profiles("dev")
                .properties(settings).run()) {
            String url = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/graphql";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String resident = login(http, url, "demo-resident");
            String staff = login(http, url, "demo-staff");
            String community = String.valueOf(1);
            System.out.printf("%nLinli benchmark: %d clients, %d s per operation%n", CONCURRENCY, SECONDS);
            System.out.printf("%-28s %10s %9s %9s %9s %7s%n", "operation", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors");
            run(http, url, resident, "Me", Map.of());
            run(http, url, resident, "CommunityTree", Map.of("id", community));
            run(http, url, staff, "DispatchQueue", Map.of("communityId", community, "first", 50));
            run(http, url, resident, "MyTimeBank", Map.of("first", 20));
            run(http, url, resident, "Offerings", Map.of("communityId", community, "first", 20));
        }
        System.exit(0);
    }

    private static String login(HttpClient http, String url, String code) throws Exception {
        Map<?, ?> body = post(http, url, null, ApiDocuments.load("LoginWithWeChat"), "LoginWithWeChat",
                Map.of("input", Map.of("code", code)));
        return (String) ((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("loginWithWeChat")).get("accessToken");
    }

    private static void run(HttpClient http, String url, String token, String operation, Map<String, Object> variables)
            throws Exception {
        String document = ApiDocuments.load(operation);
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3); // let the JIT compile the hot paths first
        while (System.nanoTime() < warmUntil) {
            post(http, url, token, document, operation, variables);
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        for (int c = 0; c < CONCURRENCY; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        Map<?, ?> body = post(http, url, token, document, operation, variables);
                        if (body.containsKey("errors")) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception ex) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - start);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(SECONDS + 30L, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-28s %10.1f %9.2f %9.2f %9.2f %7d%n", operation, sorted.size() / (double) SECONDS,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), errors.get());
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1_000_000.0;
    }

    private static Map<?, ?> post(HttpClient http, String url, String token, String document, String operation,
                                  Map<String, Object> variables) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", document, "operationName", operation, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(response.body(), Map.class);
    }

    private Benchmark() {
    }
}
