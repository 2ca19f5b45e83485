package io.maestro.conductor.hub.bundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.hub.health.AdapterHealthService;
import io.maestro.conductor.hub.health.AdapterStatsFlush;
import io.maestro.conductor.hub.health.HealthInventory;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hello example's signed bundle goes into the running hub through the admin API, is used by a YAML route and
 * shows in health; two versions run side by side; uninstalling one unloads it.
 */
class AdapterBundleInstallTest extends HubIntegrationTest {

    static final String BUNDLES = "/api/adapter-bundles";

    @Autowired
    CamelContext camel;

    @Autowired
    Registry registry;

    @Autowired
    ProducerTemplate template;

    @Autowired
    AdapterStatsFlush flush;

    @Autowired
    HealthInventory inventory;

    @Autowired
    AdapterHealthService health;

    @Test
    void aSignedBundleIsInstalledWithoutRestartUsedByAYamlRouteAndVisibleInHealth() throws Exception {
        JsonNode installed = ensureHelloInstalled();
        assertThat(installed.path("componentName").asText()).isEqualTo("hello-1-1-0");
        assertThat(registry.definition("hello-notify", "1.1.0").risk().riskLevel())
                .isEqualTo("low");
        Object component = camel.getComponent("hello");
        assertThat(component.getClass().getClassLoader()).isInstanceOf(AdapterClassLoader.class);
        assertThatThrownBy(() -> component.getClass().getClassLoader().loadClass(Registry.class.getName()))
                .as("the hub's registry is out of an adapter's reach")
                .isInstanceOf(ClassNotFoundException.class);

        HttpServer greeter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        greeter.createContext("/greetings", exchange -> {
            boolean allowed =
                    "Bearer greeter-key-1".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] reply = ("hi back: " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(allowed ? 200 : 401, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        greeter.start();
        try {
            registry.secrets().put(Actor.system("bundle-test"), "atlas", "dev", "greeter-key", "greeter-key-1");
            if (registry.instance("atlas", "dev", "greeter").isEmpty()) {
                installGreeter("greeter", "1.1.0", "hello from atlas", greeter);
            }
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("memory:hello-route.yaml", """
                            - route:
                                id: hello-bundle-route
                                from:
                                  uri: direct:hello-bundle
                                  steps:
                                    - to: hello:greet?instance=greeter
                            """));

            Object reply = template.requestBodyAndHeaders(
                    "direct:hello-bundle",
                    "Ada",
                    Map.of(AdapterHeaders.TENANT, "atlas", AdapterHeaders.ENVIRONMENT, "dev"));

            assertThat(reply).isEqualTo("hi back: hello from atlas, Ada");
        } finally {
            greeter.stop(0);
        }
        // What route adapter-stats-flush does each interval: inventory, this hub's counts, the snapshot answered from.
        inventory.refresh();
        flush.flush();
        health.refresh();
        Answer tenantHealth = api.get("/api/tenants/atlas/health/adapters", OPERATOR, operatorPassword());
        assertThat(tenantHealth.status()).as(tenantHealth.body()).isEqualTo(200);
        JsonNode greeterHealth = null;
        for (JsonNode instance : tenantHealth.json().path("instances")) {
            if (instance.path("instance").asText().equals("greeter")) {
                greeterHealth = instance;
            }
        }
        assertThat(greeterHealth).as(tenantHealth.body()).isNotNull();
        assertThat(greeterHealth.path("requests").asLong()).isPositive();
    }

    @Test
    void twoVersionsRunSideBySideAndUninstallingOneUnloadsIt() {
        Answer first = install(PartnerBundles.helloAs("3.0.0", PARTNER_KEY), ALICE, TEAM_PASSWORD);
        Answer second = install(PartnerBundles.helloAs("3.1.0", PARTNER_KEY), DANA, TEAM_PASSWORD);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);

        Object older = camel.getComponent("hello-3-0-0");
        Object newer = camel.getComponent("hello-3-1-0");
        assertThat(older.getClass()).isNotSameAs(newer.getClass());
        assertThat(older.getClass().getClassLoader())
                .isNotSameAs(newer.getClass().getClassLoader());
        assertThat(camel.getComponent("hello")).isSameAs(newer);
        AdapterClassLoader newerLoader = (AdapterClassLoader) newer.getClass().getClassLoader();

        Answer removed = api.delete(BUNDLES + "/hello-notify/3.1.0", ALICE, TEAM_PASSWORD);

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(camel.hasComponent("hello-3-1-0")).isNull();
        assertThat(camel.getComponent("hello")).isSameAs(older);
        assertThat(newerLoader.getResource("com/acme/hello/HelloComponent.class"))
                .as("the class loader is closed")
                .isNull();
        assertThat(DATA_DIR.resolve("adapters/hello-notify/3.1.0")).doesNotExist();
        assertThat(api.delete(BUNDLES + "/hello-notify/3.1.0", ALICE, TEAM_PASSWORD)
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("ADAPTER_BUNDLE_NOT_FOUND");
        assertThat(api.delete(BUNDLES + "/hello-notify/3.0.0", ALICE, TEAM_PASSWORD)
                        .status())
                .isEqualTo(200);
        assertThat(camel.hasComponent("hello-3-0-0")).isNull();
    }

    /**
     * Moving the {@code hello} alias to a newer version takes it off the older version's component, which Camel stops
     * on removal (the same object serves {@code hello-3-2-0}): the older version keeps serving its versioned name
     * while the alias moves up and back.
     */
    @Test
    void theOlderVersionStaysUsableWhileTheAliasMoves() throws Exception {
        HttpServer greeter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        greeter.createContext("/greetings", exchange -> {
            byte[] reply = ("hi: " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        greeter.start();
        try {
            assertThat(install(PartnerBundles.helloAs("3.2.0", PARTNER_KEY), ALICE, TEAM_PASSWORD)
                            .status())
                    .isEqualTo(201);
            Object older = camel.getComponent("hello-3-2-0");
            registry.secrets().put(Actor.system("bundle-test"), "atlas", "dev", "greeter-key", "greeter-key-1");
            installGreeter("greeter-old", "3.2.0", "old", greeter);
            assertThat(greet("hello-3-2-0")).isEqualTo("hi: old, Ada");
            assertThat(camel.getComponent("hello")).as("the newest installed").isSameAs(older);

            assertThat(install(PartnerBundles.helloAs("3.3.0", PARTNER_KEY), DANA, TEAM_PASSWORD)
                            .status())
                    .isEqualTo(201);

            assertThat(camel.getComponent("hello")).isSameAs(camel.getComponent("hello-3-3-0"));
            assertThat(camel.getComponent("hello-3-2-0")).isSameAs(older);
            assertThat(((org.apache.camel.support.service.BaseService) older).isStarted())
                    .as("taking the alias off it leaves it started")
                    .isTrue();
            assertThat(greet("hello-3-2-0")).isEqualTo("hi: old, Ada");

            assertThat(api.delete(BUNDLES + "/hello-notify/3.3.0", ALICE, TEAM_PASSWORD)
                            .status())
                    .isEqualTo(200);
            assertThat(camel.getComponent("hello")).isSameAs(older);
            assertThat(greet("hello")).isEqualTo("hi: old, Ada");
            assertThat(greet("hello-3-2-0")).isEqualTo("hi: old, Ada");
        } finally {
            greeter.stop(0);
            registry.uninstall(Actor.system("bundle-test"), "atlas", "dev", "greeter-old");
            api.delete(BUNDLES + "/hello-notify/3.2.0", ALICE, TEAM_PASSWORD);
        }
    }

    /** An instance of tenant atlas (dev) of hello-notify {@code version} that greets through {@code greeter}. */
    private void installGreeter(String name, String version, String greeting, HttpServer greeter) {
        registry.install(
                Actor.system("bundle-test"),
                "atlas",
                "dev",
                name,
                new InstallRequest(
                        "hello-notify",
                        version,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("greeting", greeting)
                                .put(
                                        "endpoint",
                                        "http://127.0.0.1:"
                                                + greeter.getAddress().getPort())
                                .put("apiKey", "secret:greeter-key"),
                        "eu-west-1"));
    }

    private Object greet(String scheme) {
        return template.requestBodyAndHeaders(
                scheme + ":greet?instance=greeter-old",
                "Ada",
                Map.of(AdapterHeaders.TENANT, "atlas", AdapterHeaders.ENVIRONMENT, "dev"));
    }

    @Test
    void aVersionInstalledTwiceIsAConflictAndTheFirstStays() {
        ensureHelloInstalled();
        Object before = camel.getComponent("hello-1-1-0");

        Answer again = install(PartnerBundles.hello(PARTNER_KEY), OPERATOR, operatorPassword());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("ADAPTER_VERSION_EXISTS");
        assertThat(camel.getComponent("hello-1-1-0")).isSameAs(before);
    }

    JsonNode ensureHelloInstalled() {
        for (JsonNode adapter : api.get(BUNDLES, OPERATOR, operatorPassword()).json()) {
            if (adapter.path("componentName").asText().equals("hello-1-1-0")) {
                return adapter;
            }
        }
        Answer installed = install(PartnerBundles.hello(PARTNER_KEY), OPERATOR, operatorPassword());
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        assertThat(Files.exists(DATA_DIR.resolve("adapters/hello-notify/1.1.0/adapter.jar")))
                .isTrue();
        return installed.json();
    }

    Answer install(byte[] bundle, String user, String password) {
        return api.postBytes(BUNDLES, user, password, "application/zip", bundle);
    }
}
