package io.maestro.conductor.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpaDataApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpaDataApi api = new OpaDataApi(RepositoryBundles.decisionPoint());

    private JsonNode json(OpaDataApi.Response response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void postWithInputGivesResultAndDecisionId() throws Exception {
        OpaDataApi.Response r =
                api.handle("POST", "/residency/decision", "{\"input\": " + Inputs.MISMATCHED_WRITE + "}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).at("/result/code").asText()).isEqualTo("RESIDENCY_MISMATCH");
        assertThat(json(r).get("decision_id").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void undefinedHasOnlyADecisionId() throws Exception {
        OpaDataApi.Response r = api.handle("POST", "residency/none", "{\"input\": {}}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).has("result")).isFalse();
        assertThat(json(r).has("decision_id")).isTrue();
    }

    @Test
    void getReadsDocumentsWithoutInput() throws Exception {
        OpaDataApi.Response r = api.handle("GET", "/config/residency/tenants/orbit/regions", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("result").toString()).isEqualTo("[\"us-east-1\",\"us-west-2\",\"us-central1\"]");
    }

    @Test
    void aBodyWithoutInputIsNoInput() throws Exception {
        OpaDataApi.Response r = api.handle("POST", "/residency/allow", "");

        assertThat(json(r).get("result").asBoolean(true)).isFalse();
    }

    @Test
    void badBodiesAndPathsAreInvalidParameters() throws Exception {
        for (OpaDataApi.Response r : List.of(
                api.handle("POST", "/residency/allow", "{oops"),
                api.handle("POST", "/residency/allow", "[1]"),
                api.handle("GET", "/residency/../secrets", null))) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(json(r).get("code").asText()).isEqualTo("invalid_parameter");
            assertThat(json(r).get("message").asText()).isNotBlank();
        }
        assertThat(api.handle("DELETE", "/residency", null).status()).isEqualTo(405);
    }

    @Test
    void anEvaluationErrorIsAnInternalErrorWithOpasErrors() throws Exception {
        String conflicting = "package c\nimport rego.v1\nx := 1 if input.a\nx := 2 if input.b\n";
        OpaDataApi broken = new OpaDataApi(new EmbeddedDecisionPoint(
                RegoEngine.compile(List.of(new RegoModule("c.rego", conflicting)), ObjectValue.EMPTY),
                new DecisionLog(),
                Duration.ofSeconds(1)));

        OpaDataApi.Response r = broken.handle("POST", "/c/x", "{\"input\": {\"a\": true, \"b\": true}}");

        assertThat(r.status()).isEqualTo(500);
        assertThat(json(r).get("code").asText()).isEqualTo("internal_error");
        assertThat(json(r).at("/errors/0/code").asText()).isEqualTo("eval_conflict_error");
    }
}
