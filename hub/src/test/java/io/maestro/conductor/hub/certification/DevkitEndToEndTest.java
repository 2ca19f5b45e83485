package io.maestro.conductor.hub.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.cli.ConductorCli;
import io.maestro.conductor.devkit.manifest.AdapterManifest;
import io.maestro.conductor.devkit.manifest.ManifestValidator;
import io.maestro.conductor.hub.ConductorHubApplication;
import io.maestro.conductor.hub.health.AdapterHealthService;
import io.maestro.conductor.hub.health.AdapterStatsFlush;
import io.maestro.conductor.hub.health.HealthInventory;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dev kit end to end, as a partner and the platform team use it: {@code conductor adapter init} scaffolds an
 * adapter, Maven builds it (offline, against the SPI in the local repository), {@code validate} checks manifest and
 * jar, {@code keygen} and {@code package} sign it; a running hub that trusts the key reviews it ({@code adapter
 * submit}: scan, evidence through {@code storage:}, in_review; an approver certifies it), {@code adapter install}
 * loads it without a restart, a YAML route uses it and it shows in health. After a restart the hub loads the bundle
 * again before its routes start (a route of the routes directory uses it); uninstalling it while an instance still
 * uses it is refused.
 */
@Tag("slow")
class DevkitEndToEndTest {

    static final String SCHEME = "wave";
    static final String NAME = "wave-notify";

    @TempDir
    static Path work;

    static HttpServer greeter;

    @BeforeAll
    static void greeter() throws IOException {
        greeter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        greeter.createContext("/greetings", exchange -> {
            boolean allowed =
                    "Bearer wave-key-1".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] reply = ("waved back: "
                            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(allowed ? 200 : 401, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        greeter.start();
    }

    @AfterAll
    static void stopGreeter() {
        greeter.stop(0);
    }

    @Test
    void initBuildValidatePackageReviewInstallUseRestartAndUninstall() throws Exception {
        // init: the generated project sits in <repository>/target/<run>/, so its parent (../../../pom.xml, as the
        // template says) is this build's pom
        Path project = HubProperties.repositoryPath("hub")
                .getParent()
                .resolve("target/devkit-e2e-" + System.nanoTime() + "/wave");
        Files.createDirectories(project.getParent());
        assertCli(
                0,
                "adapter",
                "init",
                NAME,
                "--scheme",
                SCHEME,
                "--package",
                "com.example.wave",
                "--owner",
                "partner-example",
                "--dir",
                project.toString());

        Path jar = build(project);

        Path manifest = project.resolve("conductor-adapter.yaml");
        assertCli(0, "adapter", "validate", "--manifest", manifest.toString(), "--jar", jar.toString());
        Path key = work.resolve("partner-key.json");
        String publicKeys = assertCli(0, "adapter", "keygen", "--out", key.toString());
        Path bundle = work.resolve("wave.zip");
        assertCli(
                0,
                "adapter",
                "package",
                "--manifest",
                manifest.toString(),
                "--jar",
                jar.toString(),
                "--key",
                key.toString(),
                "--out",
                bundle.toString());
        AdapterManifest adapter = ManifestValidator.read(Files.readAllBytes(manifest));
        String version = adapter.version();

        Path dataDir = HubProperties.newDataDir("devkit-e2e");
        Path trusted = work.resolve("trusted-keys.json");
        Files.writeString(trusted, publicKeys);
        Path passwordFile = work.resolve("password");
        Files.writeString(passwordFile, ReviewHub.PASSWORD + "\n");
        Map<String, String> settings = new LinkedHashMap<>(ReviewHub.properties(dataDir));
        settings.put("conductor.adapters.trusted-keys-file", trusted.toString());

        try (ConfigurableApplicationContext hub = start(settings)) {
            Registry registry = hub.getBean(Registry.class);
            ReviewHub.prepare(registry);
            String url = "http://127.0.0.1:" + port(hub);
            Api api = new Api(port(hub));

            // review: submitted by the partner's operator, certified by an approver of every tenant
            String submitted = assertCli(
                    0,
                    "adapter",
                    "submit",
                    bundle.toString(),
                    "--tenant",
                    ReviewHub.PARTNER,
                    "--env",
                    ReviewHub.ENV,
                    "--hub",
                    url,
                    "--user",
                    ReviewHub.PARTNER_USER,
                    "--password-file",
                    passwordFile.toString());
            JsonNode certification = ReviewHub.JSON.readTree(submitted);
            assertThat(certification.path("state").asText()).isEqualTo("in_review");
            assertThat(certification.path("name").asText()).isEqualTo(NAME);
            assertThat(ReviewHub.evidenceObjects(NAME, version)).hasSize(3);
            Answer certified = api.postJson(
                    "/api/tenants/" + ReviewHub.PARTNER + "/adapter-certifications/"
                            + certification.path("id").asText() + "/transitions",
                    ReviewHub.RITA,
                    ReviewHub.PASSWORD,
                    Map.of("to", "certified", "notes", "built from the dev kit template"));
            assertThat(certified.status()).as(certified.body()).isEqualTo(200);

            // install into the running hub, through the CLI; the operator's password from a file
            Path operatorPassword = work.resolve("operator-password");
            Files.writeString(operatorPassword, HubProperties.operatorPassword(dataDir));
            String installed = assertCli(
                    0,
                    "adapter",
                    "install",
                    bundle.toString(),
                    "--hub",
                    url,
                    "--password-file",
                    operatorPassword.toString());
            assertThat(ReviewHub.JSON.readTree(installed).path("scheme").asText())
                    .isEqualTo(SCHEME);
            Answer marketplace = api.get("/api/marketplace", ReviewHub.VIC, ReviewHub.PASSWORD);
            assertThat(marketplace.body()).contains("\"name\":\"" + NAME + "\"", "\"installed\":true");

            registry.secrets().put(new Actor("e2e"), ReviewHub.PARTNER, ReviewHub.ENV, "wave-key", "wave-key-1");
            registry.install(
                    new Actor("e2e"),
                    ReviewHub.PARTNER,
                    ReviewHub.ENV,
                    "waver",
                    new InstallRequest(
                            NAME,
                            version,
                            JsonNodeFactory.instance
                                    .objectNode()
                                    .put("greeting", "hi from partnerco")
                                    .put(
                                            "endpoint",
                                            "http://127.0.0.1:"
                                                    + greeter.getAddress().getPort())
                                    .put("apiKey", "secret:wave-key"),
                            "eu-west-1"));
            org.apache.camel.CamelContext camel = hub.getBean(org.apache.camel.CamelContext.class);
            org.apache.camel.support.PluginHelper.getRoutesLoader(camel)
                    .loadRoutes(org.apache.camel.support.ResourceHelper.fromString(
                            "memory:wave-route.yaml", route("wave-live", "direct:wave-live")));
            assertThat(call(hub, "direct:wave-live", "Ada")).isEqualTo("waved back: hi from partnerco, Ada");

            hub.getBean(HealthInventory.class).refresh();
            hub.getBean(AdapterStatsFlush.class).flush();
            hub.getBean(AdapterHealthService.class).refresh();
            Answer health = api.get(
                    "/api/tenants/" + ReviewHub.PARTNER + "/health/adapters",
                    "operator",
                    HubProperties.operatorPassword(dataDir));
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(requestsOf(health.json(), "waver")).as(health.body()).isPositive();
        }

        // restart: the kept bundle is verified and loaded before the routes of the routes directory start
        Path routes = work.resolve("routes");
        Files.createDirectories(routes);
        Files.writeString(routes.resolve("wave-route.yaml"), route("wave-at-start", "direct:wave-at-start"));
        settings.put(
                "camel.main.routes-include-pattern",
                settings.get("camel.main.routes-include-pattern") + ",file:" + routes + "/*.yaml");
        try (ConfigurableApplicationContext hub = start(settings)) {
            assertThat(call(hub, "direct:wave-at-start", "Bo")).isEqualTo("waved back: hi from partnerco, Bo");
            Api api = new Api(port(hub));
            String operator = HubProperties.operatorPassword(dataDir);
            JsonNode listed =
                    api.get("/api/adapter-bundles", "operator", operator).json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("installedBy").asText()).isEqualTo("system:reload");

            Answer inUse = api.delete("/api/adapter-bundles/" + NAME + "/" + version, "operator", operator);
            assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
            assertThat(inUse.json().path("code").asText()).isEqualTo("ADAPTER_IN_USE");
            assertThat(call(hub, "direct:wave-at-start", "Cy")).isEqualTo("waved back: hi from partnerco, Cy");

            hub.getBean(Registry.class).uninstall(new Actor("e2e"), ReviewHub.PARTNER, ReviewHub.ENV, "waver");
            hub.getBean(org.apache.camel.CamelContext.class)
                    .getRouteController()
                    .stopRoute("wave-at-start");
            hub.getBean(org.apache.camel.CamelContext.class).removeRoute("wave-at-start");
            Answer removed = api.delete("/api/adapter-bundles/" + NAME + "/" + version, "operator", operator);
            assertThat(removed.status()).as(removed.body()).isEqualTo(200);
            assertThat(dataDir.resolve("adapters/" + NAME)).isEmptyDirectory();
        }
    }

    /**
     * {@code mvn -o package} on the generated project, in a reactor with this checkout's adapter SPI (an aggregator
     * beside it), so it builds against the SPI as it is now rather than whatever snapshot a local repository holds.
     */
    static Path build(Path project) throws IOException, InterruptedException {
        Path spi = HubProperties.repositoryPath("components").resolve("adapter-spi");
        Files.writeString(project.resolveSibling("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>e2e</groupId>
                  <artifactId>devkit-e2e</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <modules>
                    <module>%s</module>
                    <module>%s</module>
                  </modules>
                </project>
                """.formatted(
                        project.getParent().relativize(spi), project.getFileName()));
        project = project.getParent();
        List<String> command = new ArrayList<>(List.of("mvn", "-o", "-q", "-B", "-DskipTests", "package"));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Path log = project.resolve("build.log");
        Process mvn = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(mvn.waitFor(5, TimeUnit.MINUTES)).as("the build finishes").isTrue();
        assertThat(mvn.exitValue()).as(Files.readString(log)).isZero();
        try (var jars = Files.list(project.resolve("wave/target"))) {
            return jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().contains("tests"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    static String route(String id, String from) {
        return """
                - route:
                    id: %s
                    from:
                      uri: %s
                      steps:
                        - to: %s:greet?instance=waver
                """.formatted(id, from, SCHEME);
    }

    static Object call(ConfigurableApplicationContext hub, String endpoint, String body) {
        return hub.getBean(ProducerTemplate.class)
                .requestBodyAndHeaders(
                        endpoint,
                        body,
                        Map.of(AdapterHeaders.TENANT, ReviewHub.PARTNER, AdapterHeaders.ENVIRONMENT, ReviewHub.ENV));
    }

    static long requestsOf(JsonNode health, String instance) {
        for (JsonNode entry : health.path("instances")) {
            if (entry.path("instance").asText().equals(instance)) {
                return entry.path("requests").asLong();
            }
        }
        return 0;
    }

    static ConfigurableApplicationContext start(Map<String, String> settings) {
        Map<String, String> withPort = new LinkedHashMap<>(settings);
        withPort.put("server.port", "0");
        return new SpringApplicationBuilder(ConductorHubApplication.class).run(HubProperties.asArguments(withPort));
    }

    static int port(ConfigurableApplicationContext hub) {
        return ((WebServerApplicationContext) hub).getWebServer().getPort();
    }

    /** Runs the CLI in this JVM; returns what it printed, after checking its exit code. */
    static String assertCli(int exitCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = ConductorCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        assertThat(code).as(String.join(" ", args) + "\n" + out + err).isEqualTo(exitCode);
        return out.toString();
    }
}
