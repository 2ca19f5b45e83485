package io.maestro.conductor.hub.opa;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.policy.pdp.Decision;
import io.maestro.conductor.policy.pdp.DecisionLog;
import io.maestro.conductor.policy.pdp.DecisionRequest;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import io.maestro.conductor.policy.pdp.OpaDecisionPoint;
import io.maestro.conductor.policy.pdp.OpaSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub's Data API over real HTTP, asked by the decision point's own mode {@code opa}. The shared test hub
 * finds the repository's bundles beside its {@code tenant-config/}.
 */
class OpaDataApiHubTest extends HubIntegrationTest {
    private static final String MISMATCHED_WRITE = """
      {"tenant": "atlas", "environment": "dev", "actor": "alice", "action": "storage.put_object",
       "adapter": {"category": "storage", "instance": "evidence", "region": "eu-west-1"},
       "data": {"region": "eu-central-1", "classification": "confidential"}}
      """;
    private static final String ALLOWED_WRITE = MISMATCHED_WRITE.replace("eu-central-1", "eu-west-1");

    @Autowired
    EmbeddedDecisionPoint embedded;

    private OpaDecisionPoint remote(String password) {
        return new OpaDecisionPoint(
                OpaSettings.of("http://127.0.0.1:" + port, Duration.ofSeconds(5), 1)
                        .withBasicAuth(OPERATOR, password),
                new DecisionLog());
    }

    @Test
    void opaModeAgainstTheHubDecidesAsTheEmbeddedEngine() {
        assertThat(embedded.bundleStatus().orElseThrow().healthy()).isTrue();
        try (OpaDecisionPoint remote = remote(operatorPassword())) {
            for (String path : List.of("residency/decision", "residency/allow", "residency/deny")) {
                for (String input : List.of(ALLOWED_WRITE, MISMATCHED_WRITE)) {
                    Decision local = embedded.decide(DecisionRequest.ofJson(path, input));
                    Decision viaHub = remote.decide(DecisionRequest.ofJson(path, input));

                    assertThat(viaHub.allowed()).as(path).isEqualTo(local.allowed());
                    assertThat(viaHub.code()).isEqualTo(local.code());
                    assertThat(viaHub.reasons()).isEqualTo(local.reasons());
                    assertThat(viaHub.result().map(Object::toString))
                            .isEqualTo(local.result().map(Object::toString));
                }
            }
            assertThat(remote.decide(DecisionRequest.ofJson("residency/decision", MISMATCHED_WRITE))
                            .code())
                    .contains(Decision.RESIDENCY_MISMATCH);
        }
    }

    @Test
    void withoutTheOperatorLoginTheAnswerIsUnauthorizedAndTheDecisionUnavailable() {
        Api.Answer anonymous =
                api.post("/v1/data/residency/allow", "intruder", "guess", "application/json", "{\"input\": {}}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("unauthorized");

        Api.Answer apiUser = api.postJson("/v1/data/residency/allow", ATLAS_USER, ATLAS_PASSWORD, "{}");
        assertThat(apiUser.status()).isEqualTo(403);

        try (OpaDecisionPoint remote = remote("not-the-password")) {
            Decision d = remote.decide(DecisionRequest.ofJson("residency/decision", ALLOWED_WRITE));
            assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
            assertThat(d.reasons()).containsExactly("policy service failed: HTTP 401 (unauthorized)");
        }
    }

    @Test
    void getUndefinedAndErrorsFollowOpasShapes() {
        Api.Answer document = api.get("/v1/data/config/residency/tenants/orbit/regions", OPERATOR, operatorPassword());
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("result").toString()).isEqualTo("[\"us-east-1\",\"us-west-2\",\"us-central1\"]");
        assertThat(document.json().has("decision_id")).isTrue();

        Api.Answer undefined = api.post(
                "/v1/data/residency/nothing", OPERATOR, operatorPassword(), "application/json", "{\"input\": {}}");
        assertThat(undefined.status()).isEqualTo(200);
        assertThat(undefined.json().has("result")).isFalse();
        assertThat(undefined.json().has("decision_id")).isTrue();

        Api.Answer malformed =
                api.post("/v1/data/residency/allow", OPERATOR, operatorPassword(), "application/json", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("invalid_parameter");
    }
}
