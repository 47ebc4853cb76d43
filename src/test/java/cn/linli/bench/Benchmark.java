package cn.linli.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The dispatch board is filled first ({@link BoardFill}) and measured at 20 and 50 orders a page.
 * Run with {@code ./mvnw -q test-compile exec:java@benchmark} (see README.md). Numbers depend on the machine; compare
 * runs on the same one. Last, one household import of 5,000 rows is timed (upload + dry run, commit).
 */
public final class Benchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int IMPORT_ROWS = Integer.getInteger("bench.importRows", 5_000);
    private static final int BOARD_ORDERS = Integer.getInteger("bench.boardOrders", 66);
    /** {@code -Dbench.boardOnly=true}: the dispatch board alone (before/after comparisons of the board's cost). */
    private static final boolean BOARD_ONLY = Boolean.getBoolean("bench.boardOnly");

    public static void main(String[] args) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>(DevServices.start());
        settings.put("server.port", "0");
        settings.put("logging.level.root", "WARN");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinliApplication.class).profiles("dev")
                .properties(settings).run()) {
            String url = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/graphql";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String resident = login(http, url, "demo-resident");
            String community = String.valueOf(1);
            // a realistic board: served and rated orders, serving members, timelines (an empty board measured nothing)
            String staff = BoardFill.fill(new Client(url), app, BOARD_ORDERS);
            System.out.printf("%nLinli benchmark: %d clients, %d s per operation, a board of %d orders%n", CONCURRENCY,
                    SECONDS, BOARD_ORDERS);
            System.out.printf("%-28s %10s %9s %9s %9s %7s %10s%n", "operation", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "cpu ms/req");
            run(http, url, staff, "DispatchQueue", Map.of("communityId", community, "first", 20));
            run(http, url, staff, "DispatchQueue", Map.of("communityId", community, "first", 50));
            if (!BOARD_ONLY) {
                run(http, url, resident, "Me", Map.of());
                run(http, url, resident, "CommunityTree", Map.of("id", community));
                run(http, url, resident, "MyTimeBank", Map.of("first", 20));
                run(http, url, resident, "Offerings", Map.of("communityId", community, "first", 20));
                importHouseholds(http, url, staff, community);
            }
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
        long cpuBefore = cpuNanos();
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
        double cpuPerRequest = (cpuNanos() - cpuBefore) / 1_000_000.0 / Math.max(1, latencies.size());
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        String label = variables.containsKey("first") ? operation + ", first " + variables.get("first") : operation;
        System.out.printf("%-28s %10.1f %9.2f %9.2f %9.2f %7d %10.2f%n", label, sorted.size() / (double) SECONDS,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), errors.get(), cpuPerRequest);
    }

    /**
     * One household import of {@code IMPORT_ROWS} rows, timed as staff see it: the upload (read, check every row
     * against the tree, store the dry run), the commit (one transaction), and the same file again (all already there).
     * Single runs, not a load test: the figures say how long a staff member waits.
     */
    private static void importHouseholds(HttpClient http, String url, String token, String community) throws Exception {
        String base = url.substring(0, url.length() - "/graphql".length());
        StringBuilder csv = new StringBuilder("小区,楼栋,单元,房号,户主姓名,联系电话\n");
        String estate = "基准苑" + System.currentTimeMillis();
        for (int i = 0; i < IMPORT_ROWS; i++) {
            csv.append(estate).append(',').append(i / 200 + 1).append("栋,").append(i / 50 % 4 + 1).append("单元,")
                    .append(i % 50 + 101).append(",住户").append(i).append(",139").append(String.format("%08d", i))
                    .append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        String id = (String) upload(http, base, token, community, file).get("id");
        double dryRun = (System.nanoTime() - start) / 1_000_000.0;
        start = System.nanoTime();
        Map<?, ?> committed = post(http, url, token, ApiDocuments.load("CommitHouseholdImport"), "CommitHouseholdImport",
                Map.of("input", Map.of("importId", id)));
        double commit = (System.nanoTime() - start) / 1_000_000.0;
        start = System.nanoTime();
        Map<?, ?> again = upload(http, base, token, community, file);
        double reimport = (System.nanoTime() - start) / 1_000_000.0;
        System.out.printf("%nHousehold import, %,d rows (%,d KB CSV), single runs%n", IMPORT_ROWS, file.length / 1024);
        System.out.printf("%-28s %10.0f ms%n", "upload + dry run", dryRun);
        System.out.printf("%-28s %10.0f ms%s%n", "commit (one transaction)", commit,
                committed.containsKey("errors") ? "  ERRORS: " + committed.get("errors") : "");
        System.out.printf("%-28s %10.0f ms  (already there: %s)%n", "same file again (dry run)", reimport,
                again.get("alreadyThereCount"));
    }

    private static Map<?, ?> upload(HttpClient http, String base, String token, String community, byte[] file)
            throws Exception {
        String boundary = "linli-bench-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"households.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/imports/households?communityId=" + community))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("import upload failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readValue(response.body(), Map.class);
    }

    /**
     * CPU time this JVM (server and load generator) has used: per request it says what a change costs even when the
     * machine is busy with other work and requests per second mostly measure the neighbours.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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
