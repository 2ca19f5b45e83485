package io.maestro.conductor.hub.cluster;

import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.EvidenceTraffic;
import io.maestro.conductor.hub.support.HubProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code size} evidence bundles uploaded without pause by two clients per hub, each client sending to its own hub
 * first, as a client of a load-balanced cluster would. When the hub dies under a request (the connection is cut or
 * refused) the client sends the same bundle, same content, to the next hub; an upload the answer says is still in
 * progress is asked again a few times. Every bundle ends with one {@link Outcome}: the last answer.
 */
final class EvidenceBurst implements AutoCloseable {

    private static final int CLIENTS_PER_HUB = 2;
    private static final int IN_PROGRESS_RETRIES = 3;
    private static final Duration IN_PROGRESS_PAUSE = Duration.ofSeconds(1);

    /** A bundle's upload: what was sent, every status answered in order (0: cut off), and the last answer. */
    record Outcome(String bundleId, String content, List<Integer> statuses, Api.Answer answer) {

        boolean accepted() {
            return answer.status() == 200 || answer.status() == 201;
        }

        boolean cutOff() {
            return statuses.contains(0);
        }

        String code() {
            return answer.status() == 0 ? "" : answer.json().path("code").asText();
        }
    }

    private final List<HubProcess> hubs;
    private final String password;
    private final int size;
    private final AtomicInteger next = new AtomicInteger();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ExecutorService clients;

    private EvidenceBurst(List<HubProcess> hubs, String password, int size) {
        this.hubs = List.copyOf(hubs);
        this.password = password;
        this.size = size;
        this.clients = Executors.newFixedThreadPool(hubs.size() * CLIENTS_PER_HUB);
    }

    static EvidenceBurst start(List<HubProcess> hubs, String password, int size) {
        EvidenceBurst burst = new EvidenceBurst(hubs, password, size);
        for (int client = 0; client < hubs.size() * CLIENTS_PER_HUB; client++) {
            int home = client % hubs.size();
            burst.clients.execute(() -> burst.send(home));
        }
        burst.clients.shutdown();
        return burst;
    }

    int accepted() {
        return (int) outcomes.stream().filter(Outcome::accepted).count();
    }

    /** Bundles not yet started; above zero means the burst is still going. */
    int notStarted() {
        return Math.max(0, size - next.get());
    }

    List<Outcome> awaitAll(Duration patience) throws InterruptedException {
        if (!clients.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the evidence burst did not end within " + patience);
        }
        return List.copyOf(outcomes);
    }

    private void send(int home) {
        List<Api> apis = hubs.stream().map(hub -> new Api(hub.port())).toList();
        for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
            String bundleId = String.format("burst-%03d", i);
            String content = "evidence " + i + " " + UUID.randomUUID();
            outcomes.add(upload(apis, home, bundleId, content));
        }
    }

    private Outcome upload(List<Api> apis, int home, String bundleId, String content) {
        List<Integer> statuses = new ArrayList<>();
        int target = home;
        int inProgressRetries = 0;
        while (true) {
            Api.Answer answer = EvidenceTraffic.upload(
                    apis.get(target), "operator", password, EvidenceTraffic.bundle(bundleId, content));
            statuses.add(answer.status());
            boolean cut = answer.status() == 0;
            boolean inProgress = answer.status() == 409
                    && "EVIDENCE_UPLOAD_IN_PROGRESS"
                            .equals(answer.json().path("code").asText());
            if (cut && statuses.size() < 2 * hubs.size()) {
                target = (target + 1) % hubs.size();
            } else if (inProgress && inProgressRetries++ < IN_PROGRESS_RETRIES) {
                pause();
            } else {
                return new Outcome(bundleId, content, statuses, answer);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(IN_PROGRESS_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
