package cn.linli.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.linli.LinliApplication;
import cn.linli.devservices.DevServices;
import cn.linli.support.ApiDocuments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Linli beside PostGraphile on the dispatch board (issue 15): one embedded PostgreSQL, a board of
 * {@code bench.boardOrders} orders filled through Linli's API, PostGraphile 5 started on the same database, both
 * answers compared field by field, then {@link LoadGenerator} (its own JVM) drives each server in turn, alternating,
 * for every page size and connection count. Run: {@code ./mvnw -q test-compile exec:java@side-by-side} after
 * {@code npm install --prefix target/postgraphile} (see README.md).
 */
public final class SideBySide {

    private static final int ORDERS = Integer.getInteger("bench.boardOrders", 66);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 3);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** Requests per second for the open model; 0 = closed model (each connection sends when answered, like wrk). */
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "0"));
    private static final int[] PAGES = ints(System.getProperty("bench.pages", "20,50"));
    private static final int[] CONNECTIONS = ints(System.getProperty("bench.connections", "16,64"));
    /** Each server is first run this long, unmeasured: the JVM's JIT and V8's settle before any round counts. */
    private static final int FIRST_WARM_UP = Integer.getInteger("bench.firstWarmUp", 30);
    private static final boolean WITH_POSTGRAPHILE = Boolean.parseBoolean(System.getProperty("bench.postgraphile", "true"));
    /** The container memory the production jar is sized for (-XX:MaxRAM, as a container limit would). */
    private static final String CONTAINER_MEMORY = System.getProperty("bench.containerMemory", "512m");

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable failure) {
            // exec:java would wait for the dev services' threads forever and never print it
            failure.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        Map<String, String> services = DevServices.start();
        Map<String, Object> settings = new LinkedHashMap<>(services);
        settings.put("server.port", "0");
        settings.put("logging.level.root", "WARN");
        String staff;
        String productionSettings;
        // the dev server only migrates, seeds and fills the board through the API; then it stops
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinliApplication.class).profiles("dev")
                .properties(settings).run()) {
            String dev = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/graphql";
            staff = BoardFill.fill(new Client(dev), app, ORDERS);
            productionSettings = productionSettings(app.getEnvironment());
        }
        String community = String.valueOf(1);
        if (WITH_POSTGRAPHILE && !PostGraphile.installed()) {
            System.out.println("PostGraphile is not installed: npm install --prefix target/postgraphile "
                    + "(package.json from src/test/bench-postgraphile/package.json); measuring Linli alone");
        }
        try (ProductionJar linli = ProductionJar.start(services, productionSettings, 18080, CONTAINER_MEMORY);
             PostGraphile postgraphile = WITH_POSTGRAPHILE && PostGraphile.installed()
                     ? PostGraphile.start(services, 15433) : null) {
            System.out.printf("%nLinli: %s, java %s -XX:MaxRAM=%s %s %s(the Dockerfile's options and %s; MaxRAM stands"
                            + " in for a %s container); started in %.2f s (JVM start to ready)%n", ProductionJar.jar(),
                    System.getProperty("java.version"), CONTAINER_MEMORY,
                    String.join(" ", ProductionJar.dockerfileJvmOptions()), System.getProperty("bench.jvmExtra", ""),
                    ProductionJar.dockerfileEnvironment(), CONTAINER_MEMORY, linli.startSeconds());
            if (postgraphile != null) {
                compare(new Client(linli.url()), staff, community, new Client(postgraphile.url()));
            }
            measure(linli.url(), staff, community, postgraphile);
            long[] rss = linli.residentMib();
            System.out.printf("%nLinli's memory after the run: RSS %d MiB (peak %d MiB)%n", rss[0], rss[1]);
        }
    }

    /**
     * What production would set in its environment, taken from the dev profile the board was filled with (the same
     * JWT and personal-data keys, so the staff token and the sealed phones stay valid), as SPRING_APPLICATION_JSON.
     * The rate limits are raised: one staff token at hundreds of requests a second is the load, not an abuser.
     * Flyway still validates at start-up, but the demo migrations the dev server applied are not in the jar.
     */
    private static String productionSettings(Environment dev) {
        Binder binder = Binder.get(dev);
        Map<String, Object> limit = Map.of("requests", 10_000_000, "per", "1m");
        Map<String, Object> linli = new LinkedHashMap<>();
        linli.put("jwt", Map.of("secret", dev.getRequiredProperty("linli.jwt.secret")));
        linli.put("personal-data", Map.of("current-key", dev.getRequiredProperty("linli.personal-data.current-key"),
                "hash-key", dev.getRequiredProperty("linli.personal-data.hash-key"),
                "keys", binder.bind("linli.personal-data.keys", Bindable.mapOf(String.class, String.class)).get()));
        linli.put("wechat", Map.of("appid", dev.getRequiredProperty("linli.wechat.appid"),
                "secret", dev.getRequiredProperty("linli.wechat.secret")));
        Map<String, Object> limits = new LinkedHashMap<>();
        for (String kind : List.of("login", "anonymous", "requests", "mutations", "uploads", "subscriptions")) {
            limits.put(kind, limit);
        }
        linli.put("rate-limits", limits);
        Map<String, Object> spring = Map.of("flyway", Map.of("ignore-migration-patterns", "*:missing"));
        return Client.JSON.writeValueAsString(Map.of("linli", linli, "spring", spring));
    }

    private static void compare(Client linli, String staff, String community, Client postgraphile) {
        List<Map<String, Object>> ours = comparable(linli.run(staff, "DispatchQueue", Map.of("communityId", community,
                "first", 50)));
        List<Map<String, Object>> theirs = PostGraphile.comparable(postgraphile.post(null, Map.of("query",
                PostGraphile.BOARD, "variables", Map.of("communityId", community, "first", 50))));
        int differences = 0;
        for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
            Object a = i < ours.size() ? ours.get(i) : null;
            Object b = i < theirs.size() ? theirs.get(i) : null;
            if (a == null || !a.equals(b)) {
                differences++;
                System.out.printf("DIFFERENT order #%d%n  Linli:       %s%n  PostGraphile: %s%n", i, a, b);
            }
        }
        System.out.printf("%nBoth answers carry the same data: %s (%d orders, %d with a rating; compared: ids, status,"
                        + " urgency, description, category, offering, household label, resident, partner, serving member,"
                        + " completion, rating, created at, every timeline event with actor and partner)%n",
                differences == 0 ? "yes" : "NO, " + differences + " differ", ours.size(),
                ours.stream().filter(row -> row.get("rating") != null).count());
    }

    private static void measure(String linli, String staff, String community, PostGraphile postgraphile) throws Exception {
        System.out.printf("%nDispatch board, %s, %d s per run after %d s warm-up, %d alternating rounds%n",
                RATE > 0 ? "open model at " + RATE + " req/s" : "closed model", SECONDS, WARM_UP, ROUNDS);
        if (FIRST_WARM_UP > 0) {
            Path warmUpBody = body(Client.JSON.writeValueAsString(Map.of("query", ApiDocuments.load("DispatchQueue"),
                    "operationName", "DispatchQueue", "variables", Map.of("communityId", community, "first", 20))));
            load(linli, staff, warmUpBody, 16, FIRST_WARM_UP);
            if (postgraphile != null) {
                load(postgraphile.url(), "-", body(Client.JSON.writeValueAsString(Map.of("query", PostGraphile.BOARD,
                        "variables", Map.of("communityId", community, "first", 20)))), 16, FIRST_WARM_UP);
            }
            System.out.printf("(both servers warmed up for %d s first, unmeasured)%n", FIRST_WARM_UP);
        }
        System.out.printf("%-24s %-13s %10s %9s %9s %7s%n", "case", "server", "req/s", "p50 ms", "p99 ms", "errors");
        for (int first : PAGES) {
            Path ourBody = body(Client.JSON.writeValueAsString(Map.of("query", ApiDocuments.load("DispatchQueue"),
                    "operationName", "DispatchQueue", "variables", Map.of("communityId", community, "first", first))));
            Path theirBody = body(Client.JSON.writeValueAsString(Map.of("query", PostGraphile.BOARD,
                    "variables", Map.of("communityId", community, "first", first))));
            for (int connections : CONNECTIONS) {
                String label = "first " + first + ", " + connections + " conn";
                List<double[]> ours = new ArrayList<>();
                List<double[]> theirs = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    ours.add(print(label, "Linli", load(linli, staff, ourBody, connections)));
                    if (postgraphile != null) {
                        theirs.add(print(label, "PostGraphile", load(postgraphile.url(), "-", theirBody, connections)));
                    }
                }
                if (!theirs.isEmpty()) {
                    System.out.printf("%-24s ratio Linli/PostGraphile (median req/s): %.2f%n", label,
                            median(ours) / median(theirs));
                }
            }
        }
    }

    private static double[] print(String label, String server, double[] result) {
        System.out.printf("%-24s %-13s %10.1f %9.2f %9.2f %7d%n", label, server, result[0], result[1], result[2],
                (long) result[3]);
        return result;
    }

    /** One run of the load generator in its own JVM: {req/s, p50, p99, errors}. */
    private static double[] load(String url, String token, Path body, int connections) throws Exception {
        return load(url, token, body, connections, SECONDS);
    }

    private static double[] load(String url, String token, Path body, int connections, int seconds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", classes(), LoadGenerator.class.getName(), url, token,
                body.toString(), String.valueOf(connections), String.valueOf(seconds), String.valueOf(WARM_UP),
                String.valueOf(RATE)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        String[] parts = out.split(" ");
        return new double[] {Long.parseLong(parts[0]) / Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
                Double.parseDouble(parts[4]), Long.parseLong(parts[1])};
    }

    private static int[] ints(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }

    private static String classes() throws URISyntaxException {
        return new File(LoadGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    }

    private static Path body(String json) throws Exception {
        Path file = Files.createTempFile("linli-bench-", ".json");
        Files.writeString(file, json);
        file.toFile().deleteOnExit();
        return file;
    }

    private static double median(List<double[]> runs) {
        List<Double> rates = new ArrayList<>(runs.stream().map(run -> run[0]).sorted().toList());
        return rates.get(rates.size() / 2);
    }

    /** Linli's board as comparable rows: the fields both servers hold, in one shape. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> comparable(Map<?, ?> body) {
        if (body.containsKey("errors")) {
            throw new IllegalStateException("Linli: " + body.get("errors"));
        }
        Map<?, ?> queue = (Map<?, ?>) ((Map<?, ?>) body.get("data")).get("dispatchQueue");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object edge : (List<?>) queue.get("edges")) {
            Map<String, Object> node = (Map<String, Object>) ((Map<?, ?>) edge).get("node");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", node.get("id"));
            row.put("status", node.get("status"));
            row.put("urgency", node.get("urgency"));
            row.put("escalated", node.get("escalated"));
            row.put("description", node.get("description"));
            Map<?, ?> category = (Map<?, ?>) node.get("category");
            row.put("category", category.get("code") + "/" + category.get("name"));
            row.put("offering", pair(node.get("offering"), "title"));
            Map<?, ?> household = (Map<?, ?>) node.get("household");
            row.put("household", household.get("id") + " " + household.get("label"));
            row.put("resident", pair(node.get("resident"), "nickname"));
            row.put("partner", pair(node.get("partner"), "name"));
            row.put("servingMember", pair(node.get("servingMember"), "nickname"));
            row.put("minutesSpent", node.get("minutesSpent"));
            row.put("completionNotes", node.get("completionNotes"));
            Map<?, ?> rating = (Map<?, ?>) node.get("rating");
            row.put("rating", rating == null ? null : rating.get("quality") + "/" + rating.get("punctuality") + "/"
                    + rating.get("attitude") + "/" + rating.get("comment"));
            row.put("createdAt", millis(node.get("createdAt")));
            List<String> timeline = new ArrayList<>();
            for (Object e : (List<?>) node.get("timeline")) {
                Map<?, ?> event = (Map<?, ?>) e;
                timeline.add(event.get("id") + " " + event.get("actorKind") + " " + pair(event.get("actor"), "nickname")
                        + " " + event.get("from") + "→" + event.get("to") + " " + pair(event.get("partner"), "name")
                        + " " + event.get("reason") + " " + millis(event.get("at")));
            }
            row.put("timeline", timeline);
            rows.add(row);
        }
        return rows;
    }

    private static String pair(Object value, String field) {
        if (value == null) {
            return "null";
        }
        Map<?, ?> map = (Map<?, ?>) value;
        return (map.containsKey("rowId") ? map.get("rowId") : map.get("id")) + ":" + map.get(field);
    }

    /** Timestamps to the millisecond: the two servers print them in different formats. */
    static String millis(Object timestamp) {
        return timestamp == null ? "null" : String.valueOf(Instant.parse(timestamp.toString()).toEpochMilli());
    }

    private SideBySide() {
    }
}
