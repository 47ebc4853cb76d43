package cn.linli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator, run in a process of its own (JDK only, so {@code java -cp target/test-classes} starts it) so
 * that it does not share a JVM, heap or JIT with the server it measures. Two models:
 * <ul>
 * <li>closed ({@code rate} 0): {@code connections} clients, each sending its next request when the last one is
 * answered, like wrk;</li>
 * <li>open ({@code rate} > 0): requests start at a fixed arrival rate whatever the server does, at most
 * {@code connections} in flight; latency counts from when a request was due, so queueing shows (no coordinated
 * omission).</li>
 * </ul>
 * Arguments: url, bearer token ({@code -} for none), file with the JSON body, connections, seconds, warm-up seconds,
 * rate. Prints one line: {@code requests errors seconds p50ms p99ms}.
 */
public final class LoadGenerator {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String token = args[1];
        String body = Files.readString(Path.of(args[2]));
        int connections = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmUp = Integer.parseInt(args[5]);
        double rate = Double.parseDouble(args[6]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = request(url, token, body);
        closed(http, request, connections, warmUp, new ConcurrentLinkedQueue<>(), new AtomicInteger());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        if (rate > 0) {
            open(http, request, connections, seconds, rate, latencies, errors);
        } else {
            closed(http, request, connections, seconds, latencies, errors);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d %d %d %.2f %.2f%n", sorted.size(), errors.get(), seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99));
        System.exit(0);
    }

    private static void closed(HttpClient http, HttpRequest request, int connections, int seconds,
                               ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    send(http, request, errors);
                    latencies.add(System.nanoTime() - start);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    }

    private static void open(HttpClient http, HttpRequest request, int connections, int seconds, double rate,
                             ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors) throws InterruptedException {
        Semaphore inFlight = new Semaphore(connections);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        long total = (long) (rate * seconds);
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * 1_000_000_000L / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            pool.submit(() -> {
                try {
                    send(http, request, errors);
                    latencies.add(System.nanoTime() - due);
                } finally {
                    inFlight.release();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }

    private static void send(HttpClient http, HttpRequest request, AtomicInteger errors) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                errors.incrementAndGet();
            }
        } catch (Exception ex) {
            errors.incrementAndGet();
        }
    }

    private static HttpRequest request(URI url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (!"-".equals(token)) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1_000_000.0;
    }

    private LoadGenerator() {
    }
}
