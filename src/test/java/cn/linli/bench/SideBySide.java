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
import org.springframework.context.ConfigurableApplicationContext;

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
    private static final int[] PAGES = {20, 50};
    private static final int[] CONNECTIONS = {16, 64};

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
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LinliApplication.class).profiles("dev")
                .properties(settings).run()) {
            String linli = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/graphql";
            Client client = new Client(linli);
            String staff = BoardFill.fill(client, app, ORDERS);
            String community = String.valueOf(1);
            if (!PostGraphile.installed()) {
                System.out.println("PostGraphile is not installed: npm install --prefix target/postgraphile "
                        + "(package.json from src/test/bench-postgraphile); measuring Linli alone");
            }
            try (PostGraphile postgraphile = PostGraphile.installed() ? PostGraphile.start(services, 15433) : null) {
                if (postgraphile != null) {
                    compare(client, staff, community, new Client(postgraphile.url()));
                }
                measure(linli, staff, community, postgraphile);
            }
        }
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", classes(), LoadGenerator.class.getName(), url, token,
                body.toString(), String.valueOf(connections), String.valueOf(SECONDS), String.valueOf(WARM_UP),
                String.valueOf(RATE)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        String[] parts = out.split(" ");
        return new double[] {Long.parseLong(parts[0]) / Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
                Double.parseDouble(parts[4]), Long.parseLong(parts[1])};
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
