package cn.linli.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linli as production runs it, for the benchmark: the packaged jar ({@code ./mvnw package}: no sandbox, no demo data)
 * in a JVM of its own with the JVM options of the Dockerfile's {@code ENTRYPOINT}, read from the Dockerfile itself so
 * the two cannot drift apart, and {@code -XX:MaxRAM} standing in for the container's memory limit (a JVM in a
 * container sizes itself from the limit; on this host it would see every gigabyte of the machine). Configured through
 * the environment like production, pointing at the dev services.
 */
final class ProductionJar implements AutoCloseable {

    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]\\s*$");
    private static final Pattern ENV = Pattern.compile("(?m)^ENV ([A-Z_]+)=(\\S+)\\s*$");
    private static final Pattern STARTED = Pattern.compile("Started LinliApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private final Process process;
    private final Path log;
    private final String url;
    private final double startSeconds;

    private ProductionJar(Process process, Path log, String url, double startSeconds) {
        this.process = process;
        this.log = log;
        this.url = url;
        this.startSeconds = startSeconds;
    }

    /** The jar under target/, built by {@code ./mvnw package}. */
    static Path jar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "linli-*.jar")) {
            for (Path jar : jars) {
                if (!jar.toString().endsWith("-plain.jar") && !jar.toString().endsWith("-sources.jar")) {
                    return jar;
                }
            }
        }
        throw new IllegalStateException("no target/linli-*.jar: run ./mvnw -q package -DskipTests first (see README.md)");
    }

    /** The JVM options of the Dockerfile's ENTRYPOINT (everything between "java" and the main class). */
    static List<String> dockerfileJvmOptions() throws IOException {
        Matcher entrypoint = ENTRYPOINT.matcher(Files.readString(Path.of("Dockerfile")));
        if (!entrypoint.find()) {
            throw new IllegalStateException("Dockerfile has no ENTRYPOINT [...] line");
        }
        List<String> options = new ArrayList<>();
        for (String part : entrypoint.group(1).split(",")) {
            String word = part.strip().replaceAll("^\"|\"$", "");
            if (word.startsWith("-")) {
                options.add(word);
            }
        }
        return options;
    }

    /** The Dockerfile's {@code ENV NAME=value} lines (e.g. MALLOC_ARENA_MAX): the process runs as in the image. */
    static Map<String, String> dockerfileEnvironment() throws IOException {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        Matcher line = ENV.matcher(Files.readString(Path.of("Dockerfile")));
        while (line.find()) {
            environment.put(line.group(1), line.group(2));
        }
        return environment;
    }

    /**
     * Starts the jar on {@code port} with the settings as environment variables (and {@code springJson} as
     * SPRING_APPLICATION_JSON); returns once it has logged that it started.
     */
    static ProductionJar start(Map<String, String> environment, String springJson, int port, String containerMemory)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxRAM=" + containerMemory);
        command.addAll(dockerfileJvmOptions());
        String extra = System.getProperty("bench.jvmExtra", ""); // e.g. a flight recording, to see where time goes
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar().toString());
        Path log = Files.createTempFile("linli-bench-jar-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(dockerfileEnvironment());
        builder.environment().putAll(environment);
        builder.environment().put("SPRING_APPLICATION_JSON", springJson);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        Process process = builder.start();
        double started = awaitStarted(process, log);
        String url = "http://127.0.0.1:" + port + "/graphql";
        awaitAnswer(process, url, log);
        return new ProductionJar(process, log, url, started);
    }

    private static double awaitStarted(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                return Double.parseDouble(started.group(2));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the production jar exited:\n" + Files.readString(log));
            }
            Thread.sleep(100); // polling a log file the child writes: nothing to wait on but time
        }
        throw new IllegalStateException("the production jar did not start within 120 s; see " + log);
    }

    private static void awaitAnswer(Process process, String url, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100 && process.isAlive(); attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{__typename}\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
        }
        throw new IllegalStateException("the production jar does not answer; see " + log);
    }

    String url() {
        return url;
    }

    /** "process running for" when Spring Boot logged that it started: JVM start to ready, in seconds. */
    double startSeconds() {
        return startSeconds;
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size now and at its peak (VmRSS, VmHWM), in MiB. */
    long[] residentMib() throws IOException {
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line) / 1024;
            }
        }
        return new long[] {rss, peak};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    File log() {
        return log.toFile();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
