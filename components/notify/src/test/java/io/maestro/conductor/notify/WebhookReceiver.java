package io.maestro.conductor.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/** A webhook receiver on 127.0.0.1 that records each delivery and answers the status its script gives. */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(byte[] body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver(IntSupplier status, String location) throws IOException {
        this(status, location == null ? Map.of() : Map.of("Location", location));
    }

    /** Answers {@code status} with {@code headers} on every delivery. */
    WebhookReceiver(IntSupplier status, Map<String, String> headers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                deliveries.add(new Delivery(
                        exchange.getRequestBody().readAllBytes(), Map.copyOf(exchange.getRequestHeaders())));
                headers.forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(status.getAsInt(), -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/conductor";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
