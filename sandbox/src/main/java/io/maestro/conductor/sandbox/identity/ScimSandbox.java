package io.maestro.conductor.sandbox.identity;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.directory.scim.server.rest.ScimResourceHelper;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.jboss.weld.environment.se.Weld;

/**
 * A SCIM 2.0 service provider (RFC 7643/7644) on 127.0.0.1 and a free port: Apache SCIMple's JAX-RS resources
 * ({@code /Users}, {@code /Groups}, {@code /ServiceProviderConfig}, ...) on Jersey's JDK HTTP server, Weld SE as
 * the CDI container, Users and Groups kept in memory. Requests need {@code Authorization: Bearer <token>}.
 * One sandbox per JVM at a time: Jersey finds its CDI container through {@code CDI.current()}.
 */
public final class ScimSandbox implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final SeContainer container;
    private final SeBootstrap.Instance server;
    private final ScimRequestGate gate;
    private final URI baseUri;

    private ScimSandbox(SeContainer container, SeBootstrap.Instance server, ScimRequestGate gate, URI baseUri) {
        this.container = container;
        this.server = server;
        this.gate = gate;
        this.baseUri = baseUri;
    }

    public static ScimSandbox start(String bearerToken) {
        return start(bearerToken, 0);
    }

    /** @param port the port to serve on, 0 for a free one */
    public static ScimSandbox start(String bearerToken, int port) {
        SeContainer container = new Weld("scim-sandbox-" + UUID.randomUUID())
                .property("org.jboss.weld.se.shutdownHook", false)
                .addBeanClasses(InMemoryScimUsers.class, InMemoryScimGroups.class, ScimServerSettings.class)
                .initialize();
        ScimRequestGate gate = new ScimRequestGate(bearerToken);
        int bound = port > 0 ? port : freePort();
        try {
            SeBootstrap.Instance server = SeBootstrap.start(
                            new ScimApplication(gate),
                            SeBootstrap.Configuration.builder()
                                    .host("127.0.0.1")
                                    .port(bound)
                                    .build())
                    .toCompletableFuture()
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new ScimSandbox(container, server, gate, URI.create("http://127.0.0.1:" + bound + "/"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            container.close();
            throw new IllegalStateException("Interrupted while starting the SCIM sandbox", e);
        } catch (ExecutionException | TimeoutException e) {
            container.close();
            throw new IllegalStateException("The SCIM sandbox did not start on port " + bound, e);
        }
    }

    /** {@code http://127.0.0.1:<port>/}: SCIM endpoints are {@code Users}, {@code Groups}, ... below it. */
    public URI baseUri() {
        return baseUri;
    }

    /** The next {@code count} requests are answered with {@code status} (and {@code Retry-After} when given). */
    public void failNext(int count, int status, Duration retryAfter) {
        gate.failNext(count, status, retryAfter);
    }

    /** Requests received so far, refused ones included. */
    public long requestCount() {
        return gate.requestCount();
    }

    /** The stored users, read directly (no HTTP). */
    public List<ScimUser> users() {
        return container.select(InMemoryScimUsers.class).get().all();
    }

    /** The stored groups, read directly (no HTTP). */
    public List<ScimGroup> groups() {
        return container.select(InMemoryScimGroups.class).get().all();
    }

    /** Forgets every user and group. */
    public void reset() {
        container.select(InMemoryScimUsers.class).get().clear();
        container.select(InMemoryScimGroups.class).get().clear();
    }

    @Override
    public void close() {
        try {
            server.stop().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The SCIM sandbox did not stop", e);
        } finally {
            container.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    private static final class ScimApplication extends Application {

        private final ScimRequestGate gate;

        ScimApplication(ScimRequestGate gate) {
            this.gate = gate;
        }

        @Override
        public Set<Class<?>> getClasses() {
            return ScimResourceHelper.scimpleFeatureAndResourceClasses();
        }

        @Override
        public Set<Object> getSingletons() {
            return Set.of(gate);
        }
    }
}
