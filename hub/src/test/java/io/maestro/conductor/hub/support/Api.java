package io.maestro.conductor.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP client for the hub under test. Every response it sees (status line, headers, body) is
 * kept in {@link #transcript()}, so a test can search everything the hub ever answered.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer of the hub. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final List<String> transcript = new ArrayList<>();

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer get(String path, String user, String password) {
        return send(request(path, user, password).GET());
    }

    public Answer getWith(String path, String user, String password, String... headers) {
        return send(withHeaders(request(path, user, password), headers).GET());
    }

    public Answer anonymousGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** {@code headers} are name, value pairs. */
    public Answer post(String path, String user, String password, String contentType, String body, String... headers) {
        return send(withHeaders(request(path, user, password), headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer postBytes(String path, String user, String password, String contentType, byte[] body) {
        return send(request(path, user, password)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Without credentials, as Stripe sends webhooks; {@code headers} are name, value pairs. */
    public Answer anonymousPost(String path, String contentType, String body, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path)), headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sent chunked, without a {@code Content-Length}, as a client streaming a body of unknown size does. */
    public Answer postChunked(String path, String user, String password, String contentType, byte[] body) {
        return send(request(path, user, password)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    public Answer postJson(String path, String user, String password, Object body) {
        return post(path, user, password, "application/json", json(body));
    }

    /** {@code body} is sent as is when it is a String, else as JSON; {@code headers} are name, value pairs. */
    public Answer putJson(String path, String user, String password, Object body, String... headers) {
        HttpRequest.Builder builder =
                withHeaders(request(path, user, password), headers).header("Content-Type", "application/json");
        return send(builder.PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
    }

    public Answer delete(String path, String user, String password) {
        return send(request(path, user, password).DELETE());
    }

    /** Every status line, header and body answered so far. */
    public String transcript() {
        return String.join("\n", transcript);
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + basic);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            transcript.add(response.statusCode() + " " + response.headers().map() + "\n" + response.body());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
