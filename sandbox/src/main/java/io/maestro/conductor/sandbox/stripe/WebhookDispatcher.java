package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends events to the registered endpoints that are enabled for them, signed, one at a time on a background thread
 * (Stripe delivers asynchronously, possibly before the API call that caused the event has answered).
 */
final class WebhookDispatcher implements AutoCloseable {

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stripe-sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<WebhookDelivery> deliveries = new ArrayList<>();

    WebhookDispatcher(Clock clock) {
        this.clock = clock;
    }

    void send(ObjectNode event, Collection<ObjectNode> endpoints, Map<String, String> secrets) {
        String type = event.get("type").asText();
        List<String[]> targets = new ArrayList<>();
        for (ObjectNode endpoint : endpoints) {
            if (enabledFor(endpoint, type)) {
                targets.add(new String[] {
                    endpoint.get("url").asText(), secrets.get(endpoint.get("id").asText())
                });
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        String payload = render(event);
        String eventId = event.get("id").asText();
        targets.forEach(target -> sender.execute(() -> deliver(target[0], target[1], eventId, type, payload)));
    }

    private static boolean enabledFor(ObjectNode endpoint, String type) {
        for (JsonNode enabled : endpoint.path("enabled_events")) {
            if (enabled.asText().equals("*") || enabled.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** Sends an earlier delivery again with a fresh signature, as Stripe's retries and manual resends do. */
    void resend(WebhookDelivery earlier, String secret) {
        sender.execute(() -> deliver(earlier.url(), secret, earlier.eventId(), earlier.eventType(), earlier.payload()));
    }

    private void deliver(String url, String secret, String eventId, String type, String payload) {
        String signature =
                WebhookSignature.header(payload, secret, clock.instant().getEpochSecond());
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (deliveries) {
            deliveries.add(new WebhookDelivery(url, eventId, type, payload, signature, status));
            deliveries.notifyAll();
        }
    }

    List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** The deliveries once there are at least {@code count} (the endpoint has answered them), or all after the timeout. */
    List<WebhookDelivery> awaitDeliveries(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (deliveries) {
            while (deliveries.size() < count && System.nanoTime() < deadline) {
                deliveries.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            return List.copyOf(deliveries);
        }
    }

    private static String render(ObjectNode event) {
        try {
            return StripeObjects.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
