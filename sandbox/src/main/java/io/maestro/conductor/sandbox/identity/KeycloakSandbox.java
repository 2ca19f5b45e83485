package io.maestro.conductor.sandbox.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak ({@code org.keycloak:keycloak-quarkus-dist} zip from Maven Central) started with
 * {@code kc.sh start-dev} on 127.0.0.1 and free ports, with one realm imported from a JSON file. Each start
 * begins from a fresh database, so the realm's keys are new. About 0.5 GB of memory; ready in 15–40 s (the first
 * start in a fresh unpack runs Quarkus's build step). Also drives the admin REST API for what tests need: tokens
 * by password grant, and key rotation.
 */
public final class KeycloakSandbox implements AutoCloseable {

    // The first start in a fresh unpack runs Quarkus's build step: 40 s on a quiet machine, minutes on a busy one.
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(8);
    private static final String ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final URI baseUri;
    private final String adminPassword;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private KeycloakSandbox(Process process, Path log, URI baseUri, String adminPassword) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
        this.adminPassword = adminPassword;
    }

    /**
     * @param distZip   the keycloak-quarkus-dist zip
     * @param workDir   where it is unpacked (kept between runs, so the build step runs once)
     * @param realmJson a realm export to import; its {@code realm} is what {@link #issuer} takes
     */
    public static KeycloakSandbox start(Path distZip, Path workDir, Path realmJson) {
        try {
            Path home = unpack(distZip, workDir.toAbsolutePath());
            deleteTree(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmJson, imports.resolve(realmJson.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            int httpPort = freePort();
            int managementPort = freePort();
            String adminPassword = UUID.randomUUID().toString();
            Path log = workDir.resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + httpPort,
                            "--http-management-port=" + managementPort,
                            "--health-enabled=true",
                            "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            KeycloakSandbox keycloak = new KeycloakSandbox(
                    builder.start(), log, URI.create("http://127.0.0.1:" + httpPort + "/"), adminPassword);
            keycloak.awaitRealm(JSON.readTree(realmJson.toFile()).path("realm").asText());
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be started", e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** {@code http://127.0.0.1:<port>/realms/<realm>}, the {@code iss} of the realm's tokens. */
    public URI issuer(String realm) {
        return baseUri.resolve("realms/" + realm);
    }

    /** An access token by the password grant (the client must allow direct access grants). */
    public String passwordGrant(String realm, String clientId, String clientSecret, String username, String password) {
        String form = form(Map.of(
                "grant_type",
                "password",
                "client_id",
                clientId,
                "client_secret",
                clientSecret,
                "username",
                username,
                "password",
                password,
                "scope",
                "openid"));
        JsonNode answer = send(
                HttpRequest.newBuilder(baseUri.resolve("realms/" + realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                200);
        return answer.path("access_token").asText();
    }

    /**
     * Adds an {@code rsa-generated} key provider above every other (priority {@code priority}): new tokens are signed
     * with its key, the JWKS lists it beside the old ones. Returns the new provider's component id.
     */
    public String addSigningKey(String realm, String name, int priority) {
        ObjectNode component = JSON.createObjectNode()
                .put("name", name)
                .put("providerId", "rsa-generated")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId(realm));
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add(Integer.toString(priority));
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        HttpResponse<String> created = sendRaw(admin("admin/realms/" + realm + "/components")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component.toString())));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the key provider: HTTP " + created.statusCode());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The ids of the realm's {@code rsa-generated} key providers, by name. */
    public Map<String, String> signingKeyProviders(String realm) {
        JsonNode components = send(
                admin("admin/realms/" + realm + "/components?type="
                                + URLEncoder.encode("org.keycloak.keys.KeyProvider", StandardCharsets.UTF_8))
                        .GET(),
                200);
        return StreamSupport.stream(components.spliterator(), false)
                .filter(c -> "rsa-generated".equals(c.path("providerId").asText()))
                .collect(Collectors.toMap(
                        c -> c.path("name").asText(), c -> c.path("id").asText()));
    }

    /** Disables a key provider: its key leaves the JWKS, tokens it signed no longer verify. */
    public void disableSigningKey(String realm, String componentId) {
        ObjectNode component = (ObjectNode) send(
                admin("admin/realms/" + realm + "/components/" + componentId).GET(), 200);
        ObjectNode config = (ObjectNode) component.path("config");
        config.putArray("enabled").add("false");
        config.putArray("active").add("false");
        HttpResponse<String> updated = sendRaw(admin("admin/realms/" + realm + "/components/" + componentId)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(component.toString())));
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused to disable the key: HTTP " + updated.statusCode());
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String realmId(String realm) {
        return send(admin("admin/realms/" + realm).GET(), 200).path("id").asText();
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).header("Authorization", "Bearer " + adminToken());
    }

    private String adminToken() {
        String form = form(Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", adminPassword));
        return send(
                        HttpRequest.newBuilder(baseUri.resolve("realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)),
                        200)
                .path("access_token")
                .asText();
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> response = sendRaw(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Keycloak answered HTTP " + response.statusCode() + " to "
                    + response.request().method() + " "
                    + response.request().uri().getPath());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitRealm(String realm) {
        URI discovery = baseUri.resolve("realms/" + realm + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(discovery)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unpacks the dist once; {@code bin/*.sh} made executable (zip entries carry no permissions here). */
    private static Path unpack(Path distZip, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        try (Stream<Path> existing = Files.list(workDir)) {
            Path home = existing.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElse(null);
            if (home != null) {
                return home;
            }
        }
        Path root = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distZip))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = workDir.resolve(entry.getName()).normalize();
                if (!target.startsWith(workDir.normalize())) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(zip, target);
                    if (target.getFileName().toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
                if (root == null) {
                    root = workDir.resolve(Path.of(entry.getName()).getName(0));
                }
            }
        }
        if (root == null || !Files.isRegularFile(root.resolve("bin/kc.sh"))) {
            throw new IOException(distZip + " is not a Keycloak distribution");
        }
        return root;
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
