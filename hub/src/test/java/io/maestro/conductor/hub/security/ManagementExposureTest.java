package io.maestro.conductor.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.hub.config.ClusterSecret;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.registry.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the management side shows the operator, who may read everything in it: no cluster secret (nor the cluster
 * name derived from it), database password, operator password or master key material, through any actuator
 * endpoint or any MBean Jolokia can read. Health answers anyone but names no tenant or instance to them.
 */
class ManagementExposureTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    HazelcastInstance hazelcast;

    @Test
    void environmentAndConfigurationEndpointsAreNotServed() {
        for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump")) {
            Answer answer = api.get(path, OPERATOR, operatorPassword());
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain(operatorPassword());
        }
    }

    @Test
    void noMBeanJolokiaReadsHoldsASecret() throws IOException {
        String canary = "canary-" + UUID.randomUUID();
        // A secret given as a system property (-Dconductor.hazelcast.secret=...), as an operator might start the hub.
        System.setProperty("conductor.exposure-canary.secret", canary);
        try {
            String[] csrf = csrfHeaders();
            Answer everything = api.post(
                    "/actuator/jolokia?ignoreErrors=true",
                    OPERATOR,
                    operatorPassword(),
                    "text/plain",
                    "{\"type\":\"read\",\"mbean\":\"*:*\"}",
                    csrf);
            assertThat(everything.status()).isEqualTo(200);
            JsonNode read = everything.json();
            assertThat(read.path("status").asInt()).as(everything.body()).isEqualTo(200);
            // The read really covered the JVM and Camel.
            assertThat(read.path("value").has("java.lang:type=Runtime")).isTrue();
            assertThat(everything.body()).contains("org.apache.camel");

            // The system properties and the command line are refused by name (jolokia-access.xml), not just left
            // out of the wildcard read.
            for (String attribute : List.of("SystemProperties", "InputArguments")) {
                Answer refused = api.get(
                        "/actuator/jolokia/read/java.lang:type=Runtime/" + attribute, OPERATOR, operatorPassword());
                assertThat(refused.json().path("status").asInt())
                        .as(refused.body())
                        .isEqualTo(403);
                assertThat(refused.body()).doesNotContain(canary);
            }
            Answer heapDump = api.post(
                    "/actuator/jolokia",
                    OPERATOR,
                    operatorPassword(),
                    "text/plain",
                    "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=HotSpotDiagnostic\","
                            + "\"operation\":\"dumpHeap\",\"arguments\":[\"" + DATA_DIR.resolve("heap.hprof")
                            + "\",true]}",
                    csrf);
            assertThat(heapDump.json().path("status").asInt())
                    .as(heapDump.body())
                    .isEqualTo(403);
            assertThat(DATA_DIR.resolve("heap.hprof")).doesNotExist();

            for (String secret : secrets()) {
                assertThat(everything.body()).doesNotContain(secret);
            }
            assertThat(everything.body()).doesNotContain(canary);
        } finally {
            System.clearProperty("conductor.exposure-canary.secret");
        }
    }

    @Test
    void healthNamesNoTenantOrInstanceToAnyoneButTheOperator() {
        Answer anonymous = api.anonymousGet("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(anonymous.json().has("details")).isFalse();

        Answer scoped = api.get("/actuator/health", ATLAS_USER, ATLAS_PASSWORD);
        assertThat(scoped.json().has("components")).as(scoped.body()).isFalse();
        assertThat(scoped.body()).doesNotContain("atlas").doesNotContain("lumen");

        Answer operator = api.get("/actuator/health", OPERATOR, operatorPassword());
        assertThat(operator.json().path("components").has("adapters")).isTrue();
    }

    private String[] csrfHeaders() {
        String token = UUID.randomUUID().toString();
        return new String[] {"Cookie", "XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token};
    }

    private List<String> secrets() throws IOException {
        List<String> secrets = new ArrayList<>(List.of(
                operatorPassword(),
                ATLAS_PASSWORD,
                TEAM_PASSWORD,
                Files.readString(DATA_DIR.resolve(ClusterSecret.FILE_NAME)).strip(),
                hazelcast.getConfig().getClusterName(),
                Files.readString(DATA_DIR.resolve(EmbeddedDatabase.PASSWORD_FILE))
                        .strip()));
        // Tink's JSON keyset: the key material is the base64 "value" of each key.
        JSON.readTree(DATA_DIR.resolve("master-keyset.json").toFile())
                .findValuesAsText("value")
                .forEach(secrets::add);
        return secrets;
    }
}
