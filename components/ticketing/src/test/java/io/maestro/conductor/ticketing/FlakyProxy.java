package io.maestro.conductor.ticketing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy on 127.0.0.1 in front of the real Redmine that misbehaves on cue: per HTTP method, a script of what the
 * next requests get (an error status instead of Redmine, or Redmine's work done and its answer lost). Requests
 * beyond the script go through. Every request is recorded ({@code METHOD path}).
 */
final class FlakyProxy implements AutoCloseable {

    enum Step {
        /** Answer this status; Redmine never sees the request. */
        FAIL_503,
        FAIL_429,
        /** 429 with {@code Retry-After: 1}. */
        THROTTLE_1S,
        /** 429 with {@code Retry-After: 3600}. */
        THROTTLE_HOUR,
        /** Redmine does the work; the client gets a 502 instead of its answer (a lost answer). */
        LOSE_ANSWER
    }

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Step>> script = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final String target;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FlakyProxy(String target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests of {@code method} get {@code steps}, in order. */
    FlakyProxy on(String method, Step... steps) {
        script.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(steps));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        requests.add(method + " " + uri.getPath());
        Deque<Step> steps = script.get(method);
        Step step = steps == null ? null : steps.poll();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (step == Step.THROTTLE_1S || step == Step.THROTTLE_HOUR) {
            exchange.getResponseHeaders().add("Retry-After", step == Step.THROTTLE_1S ? "1" : "3600");
            answer(exchange, 429, new byte[0]);
            return;
        }
        if (step == Step.FAIL_503 || step == Step.FAIL_429) {
            answer(exchange, step == Step.FAIL_503 ? 503 : 429, new byte[0]);
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + uri))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("X-Redmine-API-Key", "Content-Type", "Accept")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                forward.header(header, value);
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, new byte[0]);
            return;
        }
        if (step == Step.LOSE_ANSWER) {
            answer(exchange, 502, new byte[0]);
            return;
        }
        response.headers()
                .firstValue("Content-Type")
                .ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
        answer(exchange, response.statusCode(), response.body());
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (status == 204 || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
