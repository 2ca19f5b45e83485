package com.acme.hello;

import com.sun.net.httpserver.HttpServer;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AdapterContractTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The SPI's contract checks for the hello adapter, against the greeting service: the partner's own service, here
 * a loopback HTTP server that takes one API key and records each greeting by the instance's greeting text.
 */
class HelloContractTest extends AdapterContractTest {

    private static final String ACCEPTED = "hello-key-accepted-2718";
    private static final String REFUSED = "hello-key-refused-3141";

    private final Set<String> greeted = ConcurrentHashMap.newKeySet();
    private HttpServer greeter;

    @BeforeEach
    void startGreeter() throws IOException {
        greeter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        greeter.createContext("/greetings", exchange -> {
            boolean allowed =
                    ("Bearer " + ACCEPTED).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (allowed && "POST".equals(exchange.getRequestMethod())) {
                greeted.add(body.split(",", 2)[0]);
            }
            byte[] reply = ("hi back: " + body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(
                    allowed ? 200 : 401, "HEAD".equals(exchange.getRequestMethod()) ? -1 : reply.length);
            if (!"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        greeter.start();
    }

    @AfterEach
    void stopGreeter() {
        greeter.stop(0);
    }

    @Override
    protected AdapterComponent<?> newComponent() {
        return new HelloComponent();
    }

    @Override
    protected ResolvedInstance workingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "key-" + name, ACCEPTED);
        return instance(name);
    }

    @Override
    protected ResolvedInstance refusingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "key-" + name, REFUSED);
        return instance(name);
    }

    private ResolvedInstance instance(String name) {
        return new ResolvedInstance(
                new InstanceRef(TENANT, ENVIRONMENT, name),
                HelloComponent.CATEGORY,
                HelloDefinitions.NAME,
                1,
                "eu-west-1",
                "low",
                "internal",
                Map.of(
                        HelloDefinitions.GREETING, "hello from " + name,
                        HelloDefinitions.ENDPOINT,
                                "http://127.0.0.1:" + greeter.getAddress().getPort(),
                        HelloDefinitions.API_KEY, "secret:key-" + name));
    }

    @Override
    protected String writeOperation() {
        return "greet";
    }

    @Override
    protected Map<String, Object> writeHeaders() {
        return Map.of();
    }

    @Override
    protected Object writeBody() {
        return "Ada";
    }

    @Override
    protected boolean backendWritten(ResolvedInstance instance) {
        return greeted.contains("hello from " + instance.ref().instance());
    }

    @Override
    protected List<String> secretValues() {
        return List.of(ACCEPTED, REFUSED);
    }
}
