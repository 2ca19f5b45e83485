package io.maestro.conductor.hub.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.RiskPosture;
import io.maestro.conductor.registry.store.Json;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Lifecycle governance over HTTP: the lifecycle policy decides every action with the caller's roles, a deny is a 403
 * problem that changes nothing, and an action that needs approval waits as a change request for a second person.
 */
class GovernanceApiTest extends HubIntegrationTest {

    /** The tenant-scoped user's install below picks its endpoint from the operator's allowlist, as it must. */
    @DynamicPropertySource
    static void scopedUsersEndpoint(DynamicPropertyRegistry registry) {
        registry.add("conductor.endpoints.allowed.gov-plain[0]", () -> "https://scoped-plain.example");
        registry.add("conductor.endpoints.allowed.gov-plain[1]", () -> "https://scoped-moves.example");
    }

    @Autowired
    Registry registry;

    @Autowired
    LifecycleDecisionLog decisions;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void definitions() {
        publish("gov-identity", AdapterCategory.IDENTITY, "medium", "confidential", false);
        publish("gov-payments", AdapterCategory.PAYMENTS, "medium", "confidential", false);
        publish("gov-vault", AdapterCategory.STORAGE, "high", "confidential", false);
        publish("gov-archive", AdapterCategory.STORAGE, "critical", "confidential", false);
        publish("gov-flagged", AdapterCategory.STORAGE, "low", "internal", true);
        publish("gov-plain", AdapterCategory.STORAGE, "low", "internal", false);
    }

    private void publish(String name, AdapterCategory category, String risk, String sensitivity, boolean approval) {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("endpoint").put("type", "string");
        registry.publishDefinition(new AdapterDefinition(
                name,
                "1.0.0",
                category,
                "governance-test",
                "definition for governance tests",
                new RiskPosture(risk, sensitivity, approval),
                schema,
                List.of("eu-west-1"),
                List.of("put")));
    }

    private static Map<String, Object> install(String definition, String endpoint) {
        return Map.of("definition", definition, "region", "eu-west-1", "config", Map.of("endpoint", endpoint));
    }

    private static String adapters(String tenant, String env) {
        return "/api/tenants/" + tenant + "/environments/" + env + "/adapters";
    }

    private Answer installAs(
            String user, String password, String tenant, String env, String instance, String definition) {
        return api.postJson(
                adapters(tenant, env) + "/" + instance,
                user,
                password,
                install(definition, "https://" + instance + ".example"));
    }

    private static void assertDenied(Answer answer, String code, String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).isEqualTo(code);
        assertThat(answer.json().path("reasons").toString()).contains(reason);
        assertThat(answer.json().path("decisionId").asText()).isNotBlank();
    }

    @Test
    void eachTenantKindIsDeniedItsDisallowedCategoriesAndRisksAndNothingChanges() {
        record Case(String tenant, String definition, String reason) {}
        List<Case> cases = List.of(
                new Case("orbit", "gov-identity", "saas tenants may not use identity adapters"),
                new Case("orbit", "gov-vault", "saas tenants may not run high-risk adapters"),
                new Case("lumen", "gov-payments", "white-label tenants may not use payments adapters"),
                new Case("lumen", "gov-archive", "white-label tenants may not run critical-risk adapters"));
        double before = deniedCount();
        for (Case c : cases) {
            String instance = "denied-" + c.definition();
            Answer denied = installAs(ALICE, TEAM_PASSWORD, c.tenant(), "dev", instance, c.definition());

            assertDenied(denied, "LIFECYCLE_DENIED", c.reason());
            assertThat(api.get(adapters(c.tenant(), "dev") + "/" + instance, ALICE, TEAM_PASSWORD)
                            .status())
                    .isEqualTo(404);
            String decisionId = denied.json().path("decisionId").asText();
            assertThat(decisions.recent(1000)).anySatisfy(d -> {
                assertThat(d.decisionId()).isEqualTo(decisionId);
                assertThat(d.allowed()).isFalse();
                assertThat(d.input().path("tenant_kind").asText()).isIn("saas", "white-label");
            });
        }
        assertThat(deniedCount() - before).isEqualTo(cases.size());
        // the internal tenant's allowance covers every category up to critical risk
        Answer internal = installAs(ALICE, TEAM_PASSWORD, "atlas", "dev", "allowed-payments", "gov-payments");
        assertThat(internal.status()).as(internal.body()).isEqualTo(201);
    }

    @Test
    void rolesDecideWhoMayReadActAndApprove() {
        Answer viewerInstall = installAs(VICTOR, TEAM_PASSWORD, "atlas", "dev", "viewer-try", "gov-plain");
        assertThat(viewerInstall.status()).isEqualTo(403);
        assertThat(viewerInstall.json().path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(api.get(adapters("atlas", "dev"), VICTOR, TEAM_PASSWORD).status())
                .isEqualTo(200);
        assertThat(api.putJson(
                                "/api/tenants/atlas/environments/dev/secrets/viewer-secret",
                                VICTOR,
                                TEAM_PASSWORD,
                                Map.of("value", "nope"))
                        .status())
                .isEqualTo(403);

        Answer approverInstall = installAs(BOB, TEAM_PASSWORD, "atlas", "dev", "approver-try", "gov-plain");
        assertThat(approverInstall.status()).isEqualTo(403);

        Answer pending = installAs(ALICE, TEAM_PASSWORD, "atlas", "prod", "roles-vault", "gov-vault");
        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        String approve = "/api/tenants/atlas/change-requests/"
                + pending.json().path("changeRequest").path("id").asText() + "/approve";
        assertThat(api.postJson(approve, VICTOR, TEAM_PASSWORD, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.postJson(approve, ATLAS_USER, ATLAS_PASSWORD, Map.of()).status())
                .isEqualTo(403);

        // the tenant-scoped operator keeps its scope: lifecycle actions on its own tenant only
        assertThat(installAs(ATLAS_USER, ATLAS_PASSWORD, "atlas", "dev", "scoped-plain", "gov-plain")
                        .status())
                .isEqualTo(201);
        assertThat(installAs(ATLAS_USER, ATLAS_PASSWORD, "lumen", "dev", "scoped-plain", "gov-plain")
                        .status())
                .isEqualTo(404);
        // uninstalling in prod is for admins
        assertThat(installAs(ALICE, TEAM_PASSWORD, "atlas", "prod", "prod-plain", "gov-plain")
                        .status())
                .isEqualTo(201);
        assertDenied(
                api.delete(adapters("atlas", "prod") + "/prod-plain", ALICE, TEAM_PASSWORD),
                "LIFECYCLE_DENIED",
                "uninstall in prod is for admins only");
        assertThat(api.delete(adapters("atlas", "prod") + "/prod-plain", OPERATOR, operatorPassword())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void anActionThatNeedsApprovalWaitsAndOnlyAnotherApproverAppliesIt() {
        Answer pending = installAs(DANA, TEAM_PASSWORD, "atlas", "prod", "dual-vault", "gov-vault");

        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        assertThat(pending.json().path("code").asText()).isEqualTo("APPROVAL_REQUIRED");
        assertThat(pending.json().path("reasons").toString()).contains("needs approval by an approver other than dana");
        JsonNode request = pending.json().path("changeRequest");
        String id = request.path("id").asText();
        assertThat(pending.header("Location")).isEqualTo("/api/tenants/atlas/change-requests/" + id);
        assertThat(request.path("status").asText()).isEqualTo("PENDING");
        assertThat(request.path("requestedBy").asText()).isEqualTo("dana");
        assertThat(api.get(adapters("atlas", "prod") + "/dual-vault", DANA, TEAM_PASSWORD)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/tenants/atlas/change-requests?status=pending", VICTOR, TEAM_PASSWORD)
                        .json()
                        .findValuesAsText("id"))
                .contains(id);
        assertThat(api.get("/api/tenants/lumen/change-requests/" + id, BOB, TEAM_PASSWORD)
                        .status())
                .isEqualTo(404);

        Answer self =
                api.postJson("/api/tenants/atlas/change-requests/" + id + "/approve", DANA, TEAM_PASSWORD, Map.of());
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().path("code").asText()).isEqualTo("SELF_APPROVAL");
        assertThat(api.get(adapters("atlas", "prod") + "/dual-vault", DANA, TEAM_PASSWORD)
                        .status())
                .isEqualTo(404);

        Answer approved =
                api.postJson("/api/tenants/atlas/change-requests/" + id + "/approve", BOB, TEAM_PASSWORD, Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPLIED");
        assertThat(approved.json().path("decidedBy").asText()).isEqualTo("bob");
        assertThat(api.get(adapters("atlas", "prod") + "/dual-vault", DANA, TEAM_PASSWORD)
                        .status())
                .isEqualTo(200);

        JsonNode trail = api.get("/api/tenants/atlas/receipts?afterSeq=0&limit=500", OPERATOR, operatorPassword())
                .json();
        List<String> actions = new ArrayList<>();
        for (JsonNode receipt : trail) {
            if (id.equals(receipt.path("changeSet").path("changeRequest").asText())) {
                actions.add(receipt.path("action").asText());
                assertThat(receipt.path("changeSet").path("requestedBy").asText())
                        .isEqualTo("dana");
            }
        }
        assertThat(actions).containsExactly("CHANGE_REQUESTED", "CHANGE_APPROVED", "CHANGE_APPLIED");
        assertThat(api.get("/api/tenants/atlas/receipts/verify", OPERATOR, operatorPassword())
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void twoApproversClickingAtOnceApplyTheChangeExactlyOnce() throws Exception {
        Answer pending = installAs(ALICE, TEAM_PASSWORD, "lumen", "dev", "race-flagged", "gov-flagged");
        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        String approve = "/api/tenants/lumen/change-requests/"
                + pending.json().path("changeRequest").path("id").asText() + "/approve";

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Answer>> clicks = new ArrayList<>();
            for (String approver : List.of(BOB, CAROL)) {
                Callable<Answer> click = () -> {
                    go.await();
                    return new Api(port).postJson(approve, approver, TEAM_PASSWORD, Map.of());
                };
                clicks.add(pool.submit(click));
            }
            go.countDown();
            for (Future<Answer> click : clicks) {
                Answer answer = click.get();
                statuses.add(answer.status());
                if (answer.status() == 409) {
                    assertThat(answer.json().path("code").asText()).isEqualTo("CHANGE_REQUEST_NOT_PENDING");
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode receipts = api.get("/api/tenants/lumen/receipts?afterSeq=0&limit=500", OPERATOR, operatorPassword())
                .json();
        long applied = 0;
        for (JsonNode receipt : receipts) {
            if ("CHANGE_APPLIED".equals(receipt.path("action").asText())
                    && "race-flagged".equals(receipt.path("instance").asText())) {
                applied++;
            }
        }
        assertThat(applied).isEqualTo(1);
        assertThat(api.get("/api/tenants/lumen/receipts/verify", OPERATOR, operatorPassword())
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aRequestOvertakenByAnotherChangeIsStaleAndARejectedOneStaysUnapplied() {
        assertThat(installAs(ALICE, TEAM_PASSWORD, "atlas", "dev", "stale-plain", "gov-plain")
                        .status())
                .isEqualTo(201);
        Answer asked = api.postJson(
                "/api/tenants/atlas/change-requests",
                ALICE,
                TEAM_PASSWORD,
                Map.of(
                        "environment",
                        "dev",
                        "instance",
                        "stale-plain",
                        "operation",
                        "update",
                        "configVersion",
                        1,
                        "config",
                        Map.of("endpoint", "https://from-request.example")));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().path("code").asText()).isEqualTo("CHANGE_REQUESTED");
        assertThat(asked.json().path("changeRequest").path("actions").toString())
                .contains("endpoint-change");
        Answer meanwhile = api.putJson(
                adapters("atlas", "dev") + "/stale-plain",
                ALICE,
                TEAM_PASSWORD,
                Map.of("config", Map.of("endpoint", "https://meanwhile.example")),
                "If-Match",
                "\"1\"");
        assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(200);

        Answer stale = api.postJson(
                "/api/tenants/atlas/change-requests/"
                        + asked.json().path("changeRequest").path("id").asText() + "/approve",
                BOB,
                TEAM_PASSWORD,
                Map.of());

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("code").asText()).isEqualTo("CHANGE_REQUEST_STALE");
        assertThat(api.get(adapters("atlas", "dev") + "/stale-plain", ALICE, TEAM_PASSWORD)
                        .json()
                        .path("config")
                        .path("endpoint")
                        .asText())
                .isEqualTo("https://meanwhile.example");

        Answer again = installAs(ALICE, TEAM_PASSWORD, "atlas", "prod", "rejected-vault", "gov-vault");
        String id = again.json().path("changeRequest").path("id").asText();
        Answer rejected = api.postJson(
                "/api/tenants/atlas/change-requests/" + id + "/reject",
                CAROL,
                TEAM_PASSWORD,
                Map.of("reason", "not this quarter"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
        Answer late =
                api.postJson("/api/tenants/atlas/change-requests/" + id + "/approve", BOB, TEAM_PASSWORD, Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("code").asText()).isEqualTo("CHANGE_REQUEST_NOT_PENDING");
        assertThat(api.get(adapters("atlas", "prod") + "/rejected-vault", ALICE, TEAM_PASSWORD)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/tenants/atlas/receipts/verify", OPERATOR, operatorPassword())
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).as(answer.body()).isEqualTo(code);
    }

    private List<String> changeRequestIds(String tenant) {
        return api.get("/api/tenants/" + tenant + "/change-requests?limit=1000", OPERATOR, operatorPassword())
                .json()
                .findValuesAsText("id");
    }

    @Test
    void anExplicitChangeRequestIsHeldToTheEndpointAllowlistLikeTheActionItself() {
        List<String> before = changeRequestIds("atlas");
        Map<String, Object> hostile = Map.of(
                "environment", "dev",
                "instance", "metadata-grab",
                "operation", "install",
                "definition", "gov-plain",
                "region", "eu-west-1",
                "config", Map.of("endpoint", "http://169.254.169.254/latest/meta-data"));

        assertProblem(
                api.postJson("/api/tenants/atlas/change-requests", ATLAS_USER, ATLAS_PASSWORD, hostile),
                403,
                "ENDPOINT_NOT_ALLOWED");
        assertThat(changeRequestIds("atlas")).isEqualTo(before);

        assertThat(installAs(ATLAS_USER, ATLAS_PASSWORD, "atlas", "dev", "scoped-moves", "gov-plain")
                        .status())
                .isEqualTo(201);
        Map<String, Object> move = Map.of(
                "environment", "dev",
                "instance", "scoped-moves",
                "operation", "update",
                "configVersion", 1,
                "config", Map.of("endpoint", "http://127.0.0.1:22"));
        assertProblem(
                api.postJson("/api/tenants/atlas/change-requests", ATLAS_USER, ATLAS_PASSWORD, move),
                403,
                "ENDPOINT_NOT_ALLOWED");
        assertThat(changeRequestIds("atlas")).isEqualTo(before);
    }

    @Test
    void anotherTenantsRequestIsNotFoundWhicheverWayItIsAskedAndStaysPending() {
        Answer pending = installAs(ALICE, TEAM_PASSWORD, "atlas", "prod", "cross-vault", "gov-vault");
        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        String id = pending.json().path("changeRequest").path("id").asText();

        assertProblem(
                api.postJson("/api/tenants/lumen/change-requests/" + id + "/approve", BOB, TEAM_PASSWORD, Map.of()),
                404,
                "CHANGE_REQUEST_NOT_FOUND");
        assertProblem(
                api.postJson(
                        "/api/tenants/lumen/change-requests/" + id + "/reject",
                        BOB,
                        TEAM_PASSWORD,
                        Map.of("reason", "not yours")),
                404,
                "CHANGE_REQUEST_NOT_FOUND");
        // a tenant-scoped caller naming another tenant gets exactly what an unknown tenant gets
        Answer foreign = api.get("/api/tenants/lumen/change-requests", ATLAS_USER, ATLAS_PASSWORD);
        Answer unknown = api.get("/api/tenants/no-such-tenant/change-requests", ATLAS_USER, ATLAS_PASSWORD);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(foreign.json().path("code").asText())
                .isEqualTo(unknown.json().path("code").asText());
        assertThat(api.postJson(
                                "/api/tenants/lumen/change-requests",
                                ATLAS_USER,
                                ATLAS_PASSWORD,
                                Map.of("environment", "dev", "instance", "x", "operation", "uninstall"))
                        .status())
                .isEqualTo(404);

        JsonNode still = api.get("/api/tenants/atlas/change-requests/" + id, BOB, TEAM_PASSWORD)
                .json();
        assertThat(still.path("status").asText()).isEqualTo("PENDING");
        assertThat(api.get(adapters("atlas", "prod") + "/cross-vault", ALICE, TEAM_PASSWORD)
                        .status())
                .isEqualTo(404);

        Answer applied =
                api.postJson("/api/tenants/atlas/change-requests/" + id + "/approve", BOB, TEAM_PASSWORD, Map.of());
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        Answer replayed =
                api.postJson("/api/tenants/atlas/change-requests/" + id + "/approve", CAROL, TEAM_PASSWORD, Map.of());
        assertProblem(replayed, 409, "CHANGE_REQUEST_NOT_PENDING");
    }

    @Test
    void hostileChangeRequestBodiesAreProblemsAndStoreNothing() {
        List<String> before = changeRequestIds("atlas");
        String requests = "/api/tenants/atlas/change-requests";
        for (String body : List.of("[]", "\"install\"", "{\"operation\": {\"$ne\": 1}}", "{", "null")) {
            Answer answer = api.post(requests, ALICE, TEAM_PASSWORD, "application/json", body);
            assertThat(answer.status()).as(body + " -> " + answer.body()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        assertProblem(
                api.postJson(requests, ALICE, TEAM_PASSWORD, Map.of("environment", "dev", "instance", "x")),
                400,
                "CHANGE_REQUEST_INVALID");
        assertProblem(
                api.postJson(
                        requests,
                        ALICE,
                        TEAM_PASSWORD,
                        Map.of("environment", "dev", "instance", "x", "operation", "drop-table")),
                400,
                "CHANGE_REQUEST_INVALID");
        Answer longName = api.postJson(
                requests,
                ALICE,
                TEAM_PASSWORD,
                Map.of(
                        "environment", "dev",
                        "instance", "x".repeat(5000),
                        "operation", "install",
                        "definition", "gov-plain",
                        "region", "eu-west-1"));
        assertThat(longName.status()).as(longName.body()).isBetween(400, 499);
        assertThat(longName.header("Content-Type")).startsWith("application/problem+json");
        Answer longEnv = api.postJson(
                requests,
                ALICE,
                TEAM_PASSWORD,
                Map.of("environment", "e".repeat(5000), "instance", "x", "operation", "uninstall"));
        assertThat(longEnv.status()).as(longEnv.body()).isBetween(400, 499);
        assertProblem(
                api.postJson(
                        requests,
                        ALICE,
                        TEAM_PASSWORD,
                        Map.of(
                                "environment",
                                "dev",
                                "instance",
                                "huge",
                                "operation",
                                "install",
                                "definition",
                                "gov-plain",
                                "config",
                                Map.of("endpoint", "x".repeat(2 * 1024 * 1024)))),
                413,
                "REQUEST_TOO_LARGE");
        assertProblem(api.get(requests + "?status=everything", ALICE, TEAM_PASSWORD), 400, "STATUS_INVALID");
        assertThat(changeRequestIds("atlas")).isEqualTo(before);

        Answer pending = installAs(ALICE, TEAM_PASSWORD, "atlas", "prod", "reasoned-vault", "gov-vault");
        String id = pending.json().path("changeRequest").path("id").asText();
        assertProblem(
                api.postJson(requests + "/" + id + "/reject", BOB, TEAM_PASSWORD, Map.of("reason", "r".repeat(501))),
                400,
                "REASON_TOO_LONG");
        assertProblem(
                api.postJson(requests + "/" + "z".repeat(3000) + "/approve", BOB, TEAM_PASSWORD, Map.of()),
                404,
                "CHANGE_REQUEST_NOT_FOUND");
        assertThat(api.get(requests + "/" + id, BOB, TEAM_PASSWORD)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PENDING");
    }

    private double deniedCount() {
        return meters.find(LifecycleGate.DENIALS).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
