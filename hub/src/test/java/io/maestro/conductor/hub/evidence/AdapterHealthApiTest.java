package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.alert.AlertEvaluator;
import io.maestro.conductor.hub.health.AdapterHealthService;
import io.maestro.conductor.hub.health.AdapterStatsFlush;
import io.maestro.conductor.hub.health.HealthInventory;
import io.maestro.conductor.hub.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Adapter health and alerts over real calls to a real S3 peer: an instance whose peer stops goes DOWN in the
 * cluster's view (the hub stays UP), fires one alert, names the workflows it impacts; tenant users see only their
 * tenants; hostile queries are refused without being echoed.
 */
class AdapterHealthApiTest extends StorageHub {

    private static final String ARCHIVE = TENANT + "/" + ENV + "/archive";

    @Autowired
    ProducerTemplate template;

    @Autowired
    AdapterStatsFlush flush;

    @Autowired
    HealthInventory inventory;

    @Autowired
    AdapterHealthService health;

    @Autowired
    AlertEvaluator alerts;

    @Autowired
    MeterRegistry meters;

    @Test
    void anInstanceWhosePeerStopsGoesDownFiresOneAlertAndNamesItsImpactedWorkflows() {
        StorageOutage archive = archive();
        assertThat(archive.put().getException()).isNull();
        JsonNode before = instance(tenantHealth(), ARCHIVE);
        assertThat(before.path("status").asText()).isIn("UP", "DEGRADED", "DOWN");
        long requests = before.path("requests").asLong();
        long errors = before.path("errors").asLong();

        long failures = archive.failOutnumbering(requests, errors);

        JsonNode after = tenantHealth();
        JsonNode down = instance(after, ARCHIVE);
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(down.path("errors").asLong()).isGreaterThanOrEqualTo(failures);
        assertThat(down.path("lastError").path("code").asText()).isEqualTo("STORAGE_UNREACHABLE");
        assertThat(down.path("latencyMs").path("p99").asDouble()).isPositive();
        assertThat(after.path("counts").path("DOWN").asInt()).isPositive();
        assertThat(instance(after, TENANT + "/" + ENV + "/evidence").path("impactedWorkflows"))
                .extracting(JsonNode::asText)
                .contains("evidence-upload");
        Api.Answer filtered = asOperator("GET", "/api/health/adapters?status=down&category=storage", null);
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.json().path("instances").findValuesAsText("status")).containsOnly("DOWN");
        assertThat(filtered.json().path("instances").findValuesAsText("instance"))
                .contains("archive");
        Api.Answer hub = api.anonymousGet("/actuator/health");
        assertThat(hub.status()).as("an instance's outage is never the hub's").isEqualTo(200);

        alerts.evaluate();
        String alertId = firingOnArchive().path("id").asText();
        alerts.evaluate();
        assertThat(firingOnArchive().path("id").asText()).as("fired once").isEqualTo(alertId);
        assertThat(meters.get("conductor.alerts.firing")
                        .tag("category", "storage")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);

        String acknowledge = "/api/alerts/" + alertId + "/acknowledge";
        Api.Answer formPost =
                api.post(acknowledge, "operator", operatorPassword(), "application/x-www-form-urlencoded", "a=b");
        assertThat(formPost.status()).as("a foreign page's form post (CSRF)").isEqualTo(415);
        assertThat(api.postJson(acknowledge, VIEWER, VIEWER_PASSWORD, null).status())
                .as("a viewer sees, cannot act")
                .isEqualTo(403);
        Api.Answer otherTenant = api.postJson(acknowledge, SCOPED_USER, SCOPED_PASSWORD, null);
        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(otherTenant.json().path("code").asText()).isEqualTo("ALERT_NOT_FOUND");
        Api.Answer acknowledged = api.postJson(acknowledge, TENANT_USER, TENANT_USER_PASSWORD, null);
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().path("acknowledgedBy").asText()).isEqualTo(TENANT_USER);
    }

    @Test
    void aTenantUserSeesOnlyTheirTenantsHealthAndAlerts() {
        archive().put();
        flushNow();
        Api.Answer own = api.get("/api/health/adapters", SCOPED_USER, SCOPED_PASSWORD);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("instances").findValuesAsText("tenant")).doesNotContain(TENANT);
        assertThat(api.get("/api/alerts", SCOPED_USER, SCOPED_PASSWORD).json().findValuesAsText("tenant"))
                .doesNotContain(TENANT);

        for (String path : List.of(
                "/api/health/adapters?tenant=" + TENANT,
                "/api/tenants/" + TENANT + "/health/adapters",
                "/api/tenants/" + TENANT + "/environments/" + ENV + "/health/adapters/archive",
                "/api/alerts?tenant=" + TENANT)) {
            Api.Answer refused = api.get(path, SCOPED_USER, SCOPED_PASSWORD);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.json().path("code").asText()).as(path).isEqualTo("TENANT_NOT_FOUND");
        }
        Api.Answer mine = api.get(
                "/api/tenants/" + TENANT + "/environments/" + ENV + "/health/adapters/archive",
                TENANT_USER,
                TENANT_USER_PASSWORD);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("instance").asText()).isEqualTo("archive");
        assertThat(api.anonymousGet("/api/health/adapters").status()).isEqualTo(401);
        assertThat(api.anonymousGet("/api/alerts").status()).isEqualTo(401);
    }

    @Test
    void hostileQueriesAreRefusedWithoutEchoingThem() {
        String script = "<script>alert(1)</script>";
        for (String path : List.of(
                "/api/health/adapters?status=" + encode(script),
                "/api/health/adapters?category=" + encode("../../etc/passwd"),
                "/api/tenants/" + TENANT + "/health/adapters?status=" + encode(script))) {
            Api.Answer refused = asOperator("GET", path, null);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("HEALTH_QUERY_INVALID");
            assertThat(refused.body()).doesNotContain("script", "passwd");
        }
        Api.Answer badState = asOperator("GET", "/api/alerts?state=" + encode(script), null);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.body()).doesNotContain("script");
        Api.Answer unknown = asOperator(
                "GET", "/api/tenants/" + TENANT + "/environments/" + ENV + "/health/adapters/nothing-here", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asText()).isEqualTo("ADAPTER_NOT_INSTALLED");
        Api.Answer noAlert = asOperator("POST", "/api/alerts/" + encode("../../x") + "/acknowledge", null);
        assertThat(noAlert.status()).isIn(400, 404);
        Api.Answer randomAlert = asOperator("POST", "/api/alerts/" + UUID.randomUUID() + "/acknowledge", null);
        assertThat(randomAlert.status()).isEqualTo(404);
        assertThat(randomAlert.json().path("code").asText()).isEqualTo("ALERT_NOT_FOUND");
    }

    private StorageOutage archive() {
        return new StorageOutage(template, ENV, "archive", "us-east-1");
    }

    private void flushNow() {
        StorageOutage.flushHealth(inventory, flush, health);
    }

    private JsonNode tenantHealth() {
        flushNow();
        Api.Answer answer = asOperator("GET", "/api/tenants/" + TENANT + "/health/adapters?category=storage", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode instance(JsonNode answer, String id) {
        List<JsonNode> found = new ArrayList<>();
        answer.path("instances").forEach(instance -> {
            String at = instance.path("tenant").asText() + "/"
                    + instance.path("environment").asText() + "/"
                    + instance.path("instance").asText();
            if (at.equals(id)) {
                found.add(instance);
            }
        });
        assertThat(found).as(id + " in " + answer).hasSize(1);
        return found.get(0);
    }

    private JsonNode firingOnArchive() {
        JsonNode firing = asOperator("GET", "/api/alerts?state=firing&tenant=" + TENANT, null)
                .json();
        List<JsonNode> onArchive = StreamSupport.stream(firing.spliterator(), false)
                .filter(alert -> alert.path("instance").asText().equals("archive")
                        && alert.path("environment").asText().equals(ENV))
                .toList();
        assertThat(onArchive).as(firing.toString()).hasSize(1);
        return onArchive.get(0);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
