package io.maestro.conductor.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.adapter.AdapterErrorCode.Kind;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.HttpStatusCodes;
import io.maestro.conductor.adapter.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Delivers notifications as signed JSON POSTs ({@link WebhookSignature}): {@code {"id", "type", "tenant",
 * "environment", "createdAt", "data"}}. No answer, 408, 429 and 5xx are retried with exponential backoff (at least
 * the receiver's {@code Retry-After}; one beyond the SPI's cap ends the send), each attempt signed afresh with the same event id; other 4xx are the receiver's refusal. Redirects are never followed:
 * the endpoint the allowlist admitted is the only place a delivery goes.
 */
final class WebhookBackend implements NotifyBackend {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Kind, NotifyErrorCode> BY_KIND = Map.of(
            Kind.UNREACHABLE, NotifyErrorCode.NOTIFY_UNREACHABLE,
            Kind.THROTTLED, NotifyErrorCode.NOTIFY_THROTTLED,
            Kind.FAILED, NotifyErrorCode.NOTIFY_FAILED);

    private final WebhookSettings settings;
    private final Secret secret;
    private final String instanceId;
    private final Clock clock;
    private final HttpClient http;

    WebhookBackend(WebhookSettings settings, Secret secret, String instanceId, Clock clock) {
        this.settings = settings;
        this.secret = secret;
        this.instanceId = instanceId;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Delivery send(Notification notification) {
        String id = UUID.randomUUID().toString();
        byte[] payload = payload(id, notification);
        return settings.retry().run(attempt -> {
            post(id, payload);
            return new Delivery(id, attempt);
        });
    }

    /** Any HTTP answer proves the receiver is there; nothing is delivered. */
    @Override
    public void probe() {
        try {
            http.send(
                    HttpRequest.newBuilder(settings.endpoint())
                            .timeout(settings.timeout())
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException(NotifyErrorCode.NOTIFY_UNREACHABLE, instanceId, "interrupted");
        }
    }

    private void post(String id, byte[] payload) {
        String signature =
                WebhookSignature.sign(payload, secret.reveal(), clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Conductor-Webhooks/1")
                .header(WebhookSignature.EVENT_ID_HEADER, id)
                .header(WebhookSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        int status;
        String retryAfter;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            // The answer's body is the receiver's business; read none of it.
            response.body().close();
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException(NotifyErrorCode.NOTIFY_UNREACHABLE, instanceId, "interrupted");
        }
        if (status >= 200 && status < 300) {
            return;
        }
        throw new AdapterException(codeFor(status), instanceId, "the receiver answered HTTP " + status)
                .retryAfter(HttpStatusCodes.retryAfter(retryAfter, clock));
    }

    /** 3xx (not followed) and 4xx are the receiver's refusal, except 408 and 429, retried like 5xx. */
    static NotifyErrorCode codeFor(int status) {
        if (status < 400) {
            return NotifyErrorCode.NOTIFY_REJECTED;
        }
        return HttpStatusCodes.codeFor(status, BY_KIND, NotifyErrorCode.NOTIFY_REJECTED);
    }

    private byte[] payload(String id, Notification notification) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", id)
                .put("type", notification.event())
                .put("tenant", notification.tenant())
                .put("environment", notification.environment())
                .put("createdAt", clock.instant().toString());
        body.set("data", JSON.valueToTree(notification.variables()));
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new AdapterException(
                    NotifyErrorCode.NOTIFY_REQUEST_INVALID, instanceId, "the variables do not serialise as JSON");
        }
    }

    private AdapterException unreachable(IOException e) {
        // The class only: an I/O message can hold the URL.
        return new AdapterException(
                NotifyErrorCode.NOTIFY_UNREACHABLE,
                instanceId,
                "the receiver did not answer: " + e.getClass().getSimpleName());
    }

    @Override
    public void close() {
        // The JDK HTTP client of Java 17 holds nothing that needs closing.
    }
}
