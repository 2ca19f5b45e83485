package io.maestro.conductor.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter lifecycle over HTTP on the operator's login, against tenant orbit's dev environment. */
class AdapterApiTest extends HubIntegrationTest {

    private static final String ADAPTERS = "/api/tenants/orbit/environments/dev/adapters";

    static Map<String, Object> s3Config(String bucket) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bucket", bucket);
        config.put("region", "us-east-1");
        config.put("accessKey", "secret:evidence-access-key");
        config.put("secretKey", "secret:evidence-secret-key");
        return config;
    }

    static Map<String, Object> install(Map<String, Object> config) {
        return Map.of("definition", "s3-storage", "region", "us-east-1", "config", config);
    }

    private Answer asOperatorGet(String path) {
        return api.get(path, OPERATOR, operatorPassword());
    }

    @Test
    void installUpdateAndUninstallLeaveReceipts() {
        long receiptsBefore = asOperatorGet("/api/tenants/orbit/receipts/verify")
                .json()
                .path("checked")
                .asLong();

        Answer installed = api.postJson(
                ADAPTERS + "/lifecycle", OPERATOR, operatorPassword(), install(s3Config("orbit-lifecycle")));
        assertThat(installed.status()).isEqualTo(201);
        assertThat(installed.header("Location")).isEqualTo(ADAPTERS + "/lifecycle");
        assertThat(installed.header("ETag")).isEqualTo("\"1\"");
        assertThat(installed.json().path("config").path("accessKey").asText()).isEqualTo("secret:evidence-access-key");
        assertThat(installed.json().path("category").asText()).isEqualTo("storage");

        Answer updated = api.putJson(
                ADAPTERS + "/lifecycle",
                OPERATOR,
                operatorPassword(),
                Map.of("config", s3Config("orbit-lifecycle-2")),
                "If-Match",
                "\"1\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("configVersion").asLong()).isEqualTo(2);
        assertThat(asOperatorGet(ADAPTERS + "/lifecycle")
                        .json()
                        .path("config")
                        .path("bucket")
                        .asText())
                .isEqualTo("orbit-lifecycle-2");

        assertThat(api.delete(ADAPTERS + "/lifecycle", OPERATOR, operatorPassword())
                        .status())
                .isEqualTo(204);
        assertThat(asOperatorGet(ADAPTERS + "/lifecycle").status()).isEqualTo(404);

        JsonNode verify = asOperatorGet("/api/tenants/orbit/receipts/verify").json();
        assertThat(verify.path("valid").asBoolean()).isTrue();
        assertThat(verify.path("checked").asLong()).isEqualTo(receiptsBefore + 3);
        JsonNode receipts = asOperatorGet("/api/tenants/orbit/receipts?afterSeq=" + receiptsBefore)
                .json();
        assertThat(receipts.findValuesAsText("action")).containsExactly("INSTALL", "UPDATE", "UNINSTALL");
        assertThat(receipts.findValuesAsText("actor")).containsOnly(OPERATOR);
    }

    @Test
    void badConfigListsEveryViolationAndStoresNothing() {
        long receiptsBefore = asOperatorGet("/api/tenants/orbit/receipts/verify")
                .json()
                .path("checked")
                .asLong();
        Map<String, Object> config = s3Config("Not A Bucket!");
        config.remove("region");
        config.put("colour", "blue");
        config.put("endpoint", "ftp://127.0.0.1");
        config.put("accessKey", "AKIALITERALVALUE");

        Answer refused = api.postJson(ADAPTERS + "/broken", OPERATOR, operatorPassword(), install(config));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asText()).isEqualTo("CONFIG_INVALID");
        assertThat(refused.json().path("violations").findValuesAsText("pointer"))
                .contains("/bucket", "/region", "/colour", "/endpoint", "/accessKey");
        assertThat(asOperatorGet(ADAPTERS + "/broken").status()).isEqualTo(404);
        assertThat(asOperatorGet("/api/tenants/orbit/receipts/verify")
                        .json()
                        .path("checked")
                        .asLong())
                .isEqualTo(receiptsBefore);
    }

    @Test
    void staleConfigVersionIs409AndKeepsTheConfig() {
        api.postJson(ADAPTERS + "/contested", OPERATOR, operatorPassword(), install(s3Config("orbit-contested")));
        assertThat(api.putJson(
                                ADAPTERS + "/contested",
                                OPERATOR,
                                operatorPassword(),
                                Map.of("configVersion", 1, "config", s3Config("orbit-first-writer")))
                        .status())
                .isEqualTo(200);

        Answer stale = api.putJson(
                ADAPTERS + "/contested",
                OPERATOR,
                operatorPassword(),
                Map.of("configVersion", 1, "config", s3Config("orbit-second-writer")));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("code").asText()).isEqualTo("CONFIG_VERSION_CONFLICT");
        JsonNode current = asOperatorGet(ADAPTERS + "/contested").json();
        assertThat(current.path("config").path("bucket").asText()).isEqualTo("orbit-first-writer");
        assertThat(current.path("configVersion").asLong()).isEqualTo(2);
    }

    @Test
    void anUpdateMustNameTheVersionItIsBasedOn() {
        api.postJson(ADAPTERS + "/blind", OPERATOR, operatorPassword(), install(s3Config("orbit-blind")));
        Answer blind = api.putJson(
                ADAPTERS + "/blind", OPERATOR, operatorPassword(), Map.of("config", s3Config("orbit-blind-2")));
        assertThat(blind.status()).isEqualTo(428);
        assertThat(blind.json().path("code").asText()).isEqualTo("CONFIG_VERSION_REQUIRED");
    }

    @Test
    void installingTwiceIs409() {
        api.postJson(ADAPTERS + "/twice", OPERATOR, operatorPassword(), install(s3Config("orbit-twice")));
        Answer again =
                api.postJson(ADAPTERS + "/twice", OPERATOR, operatorPassword(), install(s3Config("orbit-twice")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("ADAPTER_ALREADY_INSTALLED");
    }

    @Test
    void unknownThingsAre404Problems() {
        assertThat(asOperatorGet("/api/tenants/nobody/environments/dev/adapters")
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("TENANT_NOT_FOUND");
        assertThat(asOperatorGet("/api/tenants/orbit/environments/staging/adapters")
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("ENVIRONMENT_NOT_FOUND");
        Answer noInstance = api.delete(ADAPTERS + "/never-installed", OPERATOR, operatorPassword());
        assertThat(noInstance.status()).isEqualTo(404);
        assertThat(noInstance.json().path("code").asText()).isEqualTo("ADAPTER_NOT_INSTALLED");
        Answer noDefinition = asOperatorGet("/api/adapters/carrier-pigeon/dependents");
        assertThat(noDefinition.status()).isEqualTo(404);
        assertThat(noDefinition.json().path("code").asText()).isEqualTo("DEFINITION_NOT_FOUND");
        Answer noPath = asOperatorGet("/api/no-such-endpoint");
        assertThat(noPath.status()).isEqualTo(404);
        assertThat(noPath.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void everyListEndpointRefusesAnOutOfRangePageTheSameWay() {
        for (String list : new String[] {
            "/api/tenants/orbit/receipts", "/api/tenants/orbit/residency/denials", "/api/tenants/orbit/evidence/failed"
        }) {
            for (int limit : new int[] {0, 501}) {
                Answer refused = asOperatorGet(list + "?limit=" + limit);
                assertThat(refused.status()).as("%s limit %d", list, limit).isEqualTo(400);
                assertThat(refused.json().path("code").asText()).isEqualTo("LIMIT_INVALID");
            }
            assertThat(asOperatorGet(list + "?limit=500").status()).as(list).isEqualTo(200);
        }
    }

    @Test
    void malformedJsonIsA400ProblemNotAStackTrace() {
        Answer malformed = api.post(
                ADAPTERS + "/garbled",
                OPERATOR,
                operatorPassword(),
                "application/json",
                "{\"definition\": \"s3-storage\", \"config\": {");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.json().path("code").asText()).isEqualTo("REQUEST_MALFORMED");
        assertThat(malformed.body()).doesNotContain("Exception", "at com.", "at org.");
    }

    @Test
    void aRequestTheFirewallRejectsIsStillAProblem() {
        Answer rejected = asOperatorGet("/api/tenants/orbit;x=1/receipts");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        assertThat(rejected.json().path("code").asText()).isEqualTo("REQUEST_MALFORMED");
        assertThat(rejected.body()).doesNotContain("Exception", "trace");
    }

    @Test
    void dependentsNameTheRoutesThatReachADefinitionsInstances() {
        Answer dependents = asOperatorGet("/api/adapters/s3-storage/dependents");
        assertThat(dependents.status()).isEqualTo(200);
        assertThat(dependents.json().findValuesAsText("routeId"))
                .contains("test-archive-evidence", "adapter-review")
                .doesNotContain("test-unused-adapter");
    }

    @Test
    void workflowValidationNamesEndpointsTheTenantLacks() {
        String yaml = """
                - route:
                    from:
                      uri: direct:check
                      steps:
                        - to: storage:put_object?instance=evidence
                        - to: storage:put_object?instance=ledger
                        - to: storage:list
                        - to: storage:put?instance=evidence
                """;
        Answer result = api.post(
                "/api/tenants/orbit/environments/dev/workflows/validate",
                OPERATOR,
                operatorPassword(),
                "application/yaml",
                yaml);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("valid").asBoolean()).isFalse();
        List<String> codes = result.json().path("findings").findValuesAsText("code");
        assertThat(codes)
                .containsExactlyInAnyOrder("ADAPTER_NOT_INSTALLED", "INSTANCE_PARAMETER_MISSING", "OPERATION_UNKNOWN");
        assertThat(result.json().path("findings").findValuesAsText("endpointUri"))
                .contains("storage:put_object?instance=ledger", "storage:put?instance=evidence");
        // Camel cannot create storage:put, so the validator must not call it valid.
        assertThat(result.json().path("findings").findValuesAsText("why"))
                .contains(
                        "storage has no operation 'put'; use one of delete, get_object, head, list, put_object, signed_url");

        Answer notYaml = api.post(
                "/api/tenants/orbit/environments/dev/workflows/validate",
                OPERATOR,
                operatorPassword(),
                "application/yaml",
                "- route: [unclosed");
        assertThat(notYaml.status()).isEqualTo(400);
        assertThat(notYaml.json().path("code").asText()).isEqualTo("WORKFLOW_INVALID");
    }
}
