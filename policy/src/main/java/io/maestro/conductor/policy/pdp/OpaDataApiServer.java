package io.maestro.conductor.policy.pdp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small stand-alone server for {@link OpaDataApi} (or any {@link DataApiHandler} wrapping it) on the JDK's
 * HTTP server, bound to 127.0.0.1: a real OPA stand-in for tests and benchmarks of mode {@code opa} without
 * the hub. No authentication: loopback only.
 */
public final class OpaDataApiServer implements AutoCloseable {
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService workers;

    private OpaDataApiServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts on 127.0.0.1 and the given port (0 = any free one). Turns on TCP_NODELAY for the JDK's HTTP server
     * (a JVM-wide switch it reads once): without it every small response waits ~40 ms on delayed ACKs.
     */
    public static OpaDataApiServer start(DataApiHandler api, int port) throws IOException {
        if (System.getProperty(NODELAY) == null) System.setProperty(NODELAY, "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "opa-data-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext(OpaDataApi.PREFIX, exchange -> serve(api, exchange));
        server.start();
        return new OpaDataApiServer(server, workers);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private static void serve(DataApiHandler api, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(OpaDataApi.PREFIX.length());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            OpaDataApi.Response response = api.handle(exchange.getRequestMethod(), path, body);
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
