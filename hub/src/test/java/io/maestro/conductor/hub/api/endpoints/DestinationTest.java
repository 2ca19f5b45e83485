package io.maestro.conductor.hub.api.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.adapter.config.ConfigValidator;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.RiskPosture;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.validation.DestinationMarks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Destinations are compared as an attacker would vary them: what could reach another host never matches. */
class DestinationTest {

    private static boolean allowed(String kind, String value, String... entries) {
        Optional<List<Destination>> parsed = Destination.parse(kind, value);
        if (parsed.isEmpty()) {
            return false;
        }
        List<Destination> allowed = java.util.Arrays.stream(entries)
                .flatMap(e -> Destination.parse(kind, e).orElse(List.of()).stream())
                .toList();
        return parsed.get().stream().allMatch(d -> allowed.stream().anyMatch(d::within));
    }

    private static boolean url(String value, String entry) {
        return allowed(Destination.URL, value, entry);
    }

    @Test
    void theSameHostWrittenDifferentlyIsTheSameDestination() {
        String entry = "https://idp.example.com";
        assertThat(url("https://IDP.Example.COM", entry)).isTrue();
        assertThat(url("https://idp.example.com.", entry))
                .as("one trailing dot")
                .isTrue();
        assertThat(url("https://idp.example.com:443/realms/a", entry))
                .as("default port")
                .isTrue();
        assertThat(url("HTTPS://idp.example.com/", entry)).isTrue();
        assertThat(url("https://ｉｄｐ.example.com", entry))
                .as("full-width letters fold to ASCII")
                .isTrue();
        assertThat(url("http://[0:0:0:0:0:0:0:1]:9000", "http://[::1]:9000")).isTrue();
        assertThat(url("http://[::ffff:127.0.0.1]:9000", "http://127.0.0.1:9000"))
                .as("IPv4-mapped IPv6")
                .isTrue();
        assertThat(url("https://bücher.example", "https://xn--bcher-kva.example"))
                .as("IDN")
                .isTrue();
    }

    @Test
    void anotherHostPortSchemeOrPathNeverMatches() {
        String entry = "https://idp.example.com:8443/realms/atlas";
        assertThat(url("https://idp.example.com:8443/realms/atlas/protocol/certs", entry))
                .as("below the path")
                .isTrue();
        assertThat(url("https://idp.example.com:8444/realms/atlas", entry)).isFalse();
        assertThat(url("http://idp.example.com:8443/realms/atlas", entry)).isFalse();
        assertThat(url("https://idp.example.com:8443/realms/atlas-evil", entry)).isFalse();
        assertThat(url("https://idp.example.com:8443/realms", entry)).isFalse();
        assertThat(url("https://idp.example.com.evil.example:8443/realms/atlas", entry))
                .isFalse();
        assertThat(url("https://evil.example/idp.example.com:8443/realms/atlas", entry))
                .isFalse();
        assertThat(url("https://idp.example.com:8443/realms/atlas/../other", entry))
                .as("dot segments")
                .isFalse();
        assertThat(url("https://idp.example.com:8443/realms/atlas/%2e%2e/other", entry))
                .isFalse();
        assertThat(url("https://idp.example.com..:8443/realms/atlas", entry)).isFalse();
    }

    @Test
    void userInfoIsNeverAllowedAndNeverShown() {
        Destination withCredentials = Destination.url("https://admin:hunter2@idp.example.com/x?token=abc")
                .orElseThrow();
        assertThat(withCredentials.userInfo()).isTrue();
        assertThat(url("https://admin:hunter2@idp.example.com", "https://idp.example.com"))
                .isFalse();
        assertThat(url("https://idp.example.com@evil.example", "https://idp.example.com"))
                .isFalse();
        assertThat(withCredentials.shown())
                .isEqualTo("https://****@idp.example.com:443/…")
                .doesNotContain("hunter2", "admin", "token", "abc");
    }

    @Test
    void ipv4InAnyFormButDottedDecimalIsRefused() {
        for (String host : List.of(
                "2130706433",
                "0177.0.0.1",
                "0x7f.0.0.1",
                "0x7f000001",
                "127.1",
                "127.0.1",
                "017700000001",
                "1.2.3.0x4",
                "example.0x7f",
                "256.0.0.1")) {
            assertThat(Destination.url("http://" + host + ":9000")).as(host).isEmpty();
            assertThat(Destination.hostPort(host + ":9092")).as(host).isEmpty();
        }
        assertThat(Destination.host("127.0.0.1")).contains("127.0.0.1");
        assertThat(Destination.host("１２７.０.０.１")).as("full-width digits fold").contains("127.0.0.1");
        assertThat(Destination.host("[fe80::1%25eth0]")).as("zone id").isEmpty();
        assertThat(Destination.host("evil%2eexample")).isEmpty();
        assertThat(Destination.host("ev il")).isEmpty();
        assertThat(Destination.url("http://evil\u200b.example"))
                .as("invisible characters")
                .isEmpty();
        assertThat(Destination.url("http://idp.example\n.evil")).isEmpty();
    }

    @Test
    void everyElementOfAHostPortListIsChecked() {
        String kind = Destination.HOST_PORT_LIST;
        assertThat(allowed(
                        kind,
                        "kafka-1.internal:9092,KAFKA-2.internal.:9092",
                        "kafka-1.internal:9092",
                        "kafka-2.internal:9092"))
                .isTrue();
        assertThat(allowed(kind, "kafka-1.internal:9092,evil.example:9092", "kafka-1.internal:9092"))
                .isFalse();
        assertThat(allowed(kind, "kafka-1.internal:9093", "kafka-1.internal:9092"))
                .isFalse();
        assertThat(allowed(kind, "kafka-1.internal:9092,", "kafka-1.internal:9092"))
                .as("empty element")
                .isFalse();
        assertThat(allowed(kind, "kafka-1.internal", "kafka-1.internal:9092"))
                .as("no port")
                .isFalse();
        assertThat(allowed(kind, "u@kafka-1.internal:9092", "kafka-1.internal:9092"))
                .isFalse();
        assertThat(allowed(kind, "[::1]:9092", "[0::1]:9092")).isTrue();
        assertThat(allowed(kind, "a:1,".repeat(70) + "a:1", "a:1"))
                .as("too many")
                .isFalse();
        assertThat(Destination.parse(kind, "kafka-1.internal:9092,evil.example:9092")
                        .orElseThrow())
                .extracting(Destination::shown)
                .containsExactly("kafka-1.internal:9092", "evil.example:9092");
    }

    @Test
    void theGuardReadsTheMarksTheSpiPublishesAndAlwaysTheEndpoint() {
        InstanceConfigDef config = new InstanceConfigDef()
                .defineDestination(
                        "issuer",
                        InstanceConfigDef.Destination.URL,
                        InstanceConfigDef.REQUIRED,
                        ConfigValidator.pattern("https?://\\S+", "an http(s) URL"),
                        "Issuer")
                .defineDestination("brokers", InstanceConfigDef.Destination.HOST_PORT_LIST, null, null, "Brokers")
                .define("clientId", io.maestro.conductor.adapter.config.ConfigType.STRING, null, "Client");
        JsonNode schema = Json.parse(config.jsonSchema().toString());

        assertThat(DestinationMarks.KEYWORD).isEqualTo(InstanceConfigDef.DESTINATION_KEYWORD);
        assertThat(InstanceConfigDef.Destination.URL.id()).isEqualTo(Destination.URL);
        assertThat(InstanceConfigDef.Destination.HOST_PORT_LIST.id()).isEqualTo(Destination.HOST_PORT_LIST);
        assertThat(EndpointGuard.destinationKeys(definition(schema)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("endpoint", "url", "issuer", "url", "brokers", "host-port-list"));
        ObjectNode handWritten = Json.MAPPER.createObjectNode().put("type", "object");
        handWritten.putObject("properties").putObject("endpoint").put("type", "string");
        assertThat(EndpointGuard.destinationKeys(definition(handWritten))).containsOnlyKeys("endpoint");
    }

    private static AdapterDefinition definition(JsonNode schema) {
        return new AdapterDefinition(
                "d",
                "1.0.0",
                AdapterCategory.IDENTITY,
                "o",
                "d",
                new RiskPosture("low", "internal", false),
                schema,
                List.of("eu-west-1"),
                List.of("x"));
    }
}
