package io.maestro.conductor.bench.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.support.EvidenceTraffic;
import io.maestro.conductor.hub.support.HubProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The two requests measured, spread round-robin over the hubs (request {@code i} to hub {@code i % hubs}, as a
 * load balancer would): an evidence upload (one 1 KiB file: two {@code storage:put_object}, the claim, the receipt),
 * and an adapter call: the verification of a stored bundle (two governed {@code storage:get_object} and the receipt
 * check). One HTTP client (HTTP/1.1, keep-alive) for all threads; answers are read and dropped.
 */
final class HubRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT = "x".repeat(1024);

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Integer> ports;
    private final String authorization;
    private final String run;
    private final AtomicLong bundles = new AtomicLong();
    private final Queue<String> stored = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private volatile List<String> storedList = List.of();

    HubRequests(List<HubProcess> hubs, String password, String run) {
        this.ports = hubs.stream().map(HubProcess::port).toList();
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
        this.run = run;
    }

    /**
     * Uploads a new bundle ({@code <run>-<n>}, numbered apart from the request number, which restarts with each
     * measurement: a bundle id sent twice would be a write-once replay, not an upload); true on 201.
     */
    boolean upload(long i) {
        String bundleId = run + "-" + bundles.getAndIncrement();
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(EvidenceTraffic.bundle(bundleId, CONTENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int status = send(HttpRequest.newBuilder(uri(i, EvidenceTraffic.uploadPath()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        if (status != 201) {
            return failed("upload", status);
        }
        stored.add(bundleId);
        return true;
    }

    /** Verifies one of the bundles uploaded so far (the {@code i}-th, cyclically); true on 200 (valid or not). */
    boolean verify(long i) {
        List<String> bundles = storedList;
        if (bundles.size() != stored.size()) {
            bundles = List.copyOf(stored);
            storedList = bundles;
        }
        if (bundles.isEmpty()) {
            throw new IllegalStateException("no bundle stored to verify: every upload failed");
        }
        String bundleId = bundles.get((int) (i % bundles.size()));
        int status = send(HttpRequest.newBuilder(uri(i, EvidenceTraffic.verifyPath(bundleId)))
                .GET());
        return status == 200 || failed("verify", status);
    }

    /** Failed requests so far by kind and status ({@code -1}: no answer), e.g. {@code {upload 503=2}}. */
    Map<String, Long> failures() {
        Map<String, Long> counts = new TreeMap<>();
        failures.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    private boolean failed(String kind, int status) {
        failures.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
        return false;
    }

    private URI uri(long i, String path) {
        return URI.create("http://127.0.0.1:" + ports.get((int) (i % ports.size())) + path);
    }

    private int send(HttpRequest.Builder request) {
        try {
            return http.send(
                            request.header("Authorization", authorization).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
