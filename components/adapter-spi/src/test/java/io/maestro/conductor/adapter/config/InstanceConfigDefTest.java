package io.maestro.conductor.adapter.config;

import static io.maestro.conductor.adapter.config.ConfigType.BOOLEAN;
import static io.maestro.conductor.adapter.config.ConfigType.INT;
import static io.maestro.conductor.adapter.config.ConfigType.STRING;
import static io.maestro.conductor.adapter.config.InstanceConfigDef.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One declaration gives the schema, the parser and the docs, and they agree. */
class InstanceConfigDefTest {

    private final InstanceConfigDef def = new InstanceConfigDef()
            .define("host", STRING, REQUIRED, ConfigValidator.pattern("[a-z.]+", "a host name"), "Where to connect")
            .define("port", INT, 443, ConfigValidator.range(1, 65535), "Port")
            .define("tls", BOOLEAN, true, "Use TLS")
            .define("mode", STRING, null, ConfigValidator.oneOf("fast", "safe"), "How")
            .defineSecret("password", true, "Password");

    @Test
    void theSchemaStatesTypesRulesDefaultsRequiredKeysAndSecrets() {
        assertThat(def.jsonSchema().toString())
                .isEqualTo(
                        "{\"type\":\"object\",\"additionalProperties\":false,"
                                + "\"required\":[\"host\",\"password\"],\"properties\":{"
                                + "\"host\":{\"type\":\"string\",\"pattern\":\"^[a-z.]+$\",\"description\":\"Where to connect\"},"
                                + "\"port\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":65535,\"default\":443,\"description\":\"Port\"},"
                                + "\"tls\":{\"type\":\"boolean\",\"default\":true,\"description\":\"Use TLS\"},"
                                + "\"mode\":{\"type\":\"string\",\"enum\":[\"fast\",\"safe\"],\"description\":\"How\"},"
                                + "\"password\":{\"type\":\"string\",\"format\":\"password\",\"description\":\"Password, as secret:<name>\"}}}");
    }

    @Test
    void theParserAppliesDefaultsAndTypes() {
        InstanceConfig config =
                def.parse(instance(Map.of("host", "db.example", "password", "secret:pw", "tls", "false")));

        assertThat(config.requireString("host")).isEqualTo("db.example");
        assertThat(config.integer("port")).contains(443);
        assertThat(config.bool("tls")).isFalse();
        assertThat(config.string("mode")).isEmpty();
        assertThat(config.string("password")).contains("secret:pw");
    }

    @Test
    void theParserRefusesWhatTheSchemaRefusesNamingTheKeyNotTheValue() {
        assertRefused(Map.of("password", "secret:pw"), "config key 'host' is required");
        assertRefused(Map.of("host", "DB!", "password", "secret:pw"), "config key 'host' must be a host name");
        assertRefused(
                Map.of("host", "db", "password", "secret:pw", "port", "70000"), "config key 'port' must be 1..65535");
        assertRefused(
                Map.of("host", "db", "password", "secret:pw", "port", "many"),
                "config key 'port' must be of type integer");
        assertRefused(
                Map.of("host", "db", "password", "secret:pw", "mode", "slow"),
                "config key 'mode' must be one of fast, safe");
        assertRefused(Map.of("host", "db", "password", "hunter2"), "config key 'password' must be a secret reference");
        assertThatThrownBy(() -> def.parse(instance(Map.of("host", "db", "password", "hunter2"))))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theDocsListEveryKeyWithItsRule() {
        assertThat(def.markdown())
                .contains("| `host` | string | required | a host name | Where to connect |")
                .contains("| `port` | integer | `443` | 1..65535 | Port |")
                .contains("| `password` | string | required | `secret:<name>` | Password |");
    }

    @Test
    void aDestinationKeyIsMarkedInThePublishedSchemaAndTheDocs() {
        InstanceConfigDef destinations = new InstanceConfigDef()
                .defineDestination(
                        "issuer",
                        InstanceConfigDef.Destination.URL,
                        REQUIRED,
                        ConfigValidator.pattern("https?://\\S+", "an http(s) URL"),
                        "Issuer")
                .defineDestination(
                        "brokers", InstanceConfigDef.Destination.HOST_PORT_LIST, null, null, "Bootstrap brokers")
                .define("name", STRING, null, "Not a destination");

        var properties = destinations.jsonSchema().path("properties");
        assertThat(properties
                        .path("issuer")
                        .path(InstanceConfigDef.DESTINATION_KEYWORD)
                        .asText())
                .isEqualTo("url");
        assertThat(properties
                        .path("brokers")
                        .path(InstanceConfigDef.DESTINATION_KEYWORD)
                        .asText())
                .isEqualTo("host-port-list");
        assertThat(properties.path("brokers").path("type").asText()).isEqualTo("string");
        assertThat(properties.path("name").has(InstanceConfigDef.DESTINATION_KEYWORD))
                .isFalse();
        assertThat(destinations.markdown())
                .contains(
                        "| `issuer` | string | required | an http(s) URL; destination (operator allowlist) | Issuer |")
                .contains("| `brokers` | string |  | destination (operator allowlist) | Bootstrap brokers |");
        // the marking travels with the definition the registry publishes
        AdapterDefinitionSpec spec = new AdapterDefinitionSpec(
                "d", "1.0.0", "storage", "o", "d", "low", "internal", false, List.of(), List.of(), destinations);
        assertThat(spec.toNode()
                        .at("/configSchema/properties/issuer/" + InstanceConfigDef.DESTINATION_KEYWORD)
                        .asText())
                .isEqualTo("url");
    }

    @Test
    void theSpisEndpointKeyIsAlwaysAUrlDestination() {
        InstanceConfigDef withEndpoint =
                new InstanceConfigDef().define(AdapterDefinitions.ENDPOINT, STRING, null, "Endpoint override");

        assertThat(withEndpoint.keys())
                .singleElement()
                .extracting(InstanceConfigDef.Key::destination)
                .isEqualTo(InstanceConfigDef.Destination.URL);
        assertThat(withEndpoint
                        .jsonSchema()
                        .at("/properties/endpoint/" + InstanceConfigDef.DESTINATION_KEYWORD)
                        .asText())
                .isEqualTo("url");
        assertThat(InstanceConfigDef.Destination.fromId("host-port-list"))
                .contains(InstanceConfigDef.Destination.HOST_PORT_LIST);
        assertThat(InstanceConfigDef.Destination.fromId("ftp")).isEmpty();
        assertThatThrownBy(() -> new InstanceConfigDef().defineDestination("x", null, null, null, "x"))
                .isInstanceOf(NullPointerException.class);
    }

    private void assertRefused(Map<String, String> config, String message) {
        assertThatThrownBy(() -> def.parse(instance(config))).isInstanceOfSatisfying(AdapterException.class, e -> {
            assertThat(e.code()).isEqualTo(SpiErrorCode.CONFIG_INVALID);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private static ResolvedInstance instance(Map<String, String> config) {
        return new ResolvedInstance(
                new InstanceRef("acme", "prod", "db"), "test", "test", 1, null, "low", "internal", config);
    }
}
