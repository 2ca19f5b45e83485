package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.hub.residency.ResidencyDenialRecorder;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.storage.StorageConstants;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Residency on the hub: denied writes store nothing and are logged, counted and listed; storage locations. */
@ExtendWith(OutputCaptureExtension.class)
class ResidencyDenialTest extends StorageHub {

    @Autowired
    ProducerTemplate template;

    @Autowired
    MeterRegistry meters;

    @Test
    void deniedStoragePutLeavesNoObjectAndIsAudited(CapturedOutput output) {
        String key = "evidence/direct-" + UUID.randomUUID() + "/data.txt";
        double before = denials("evidence");

        Exchange done = template.request("storage:put_object?instance=evidence", exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, TENANT);
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, ENV);
            exchange.getMessage().setHeader(AdapterHeaders.DATA_REGION, "us-east-1");
            exchange.getMessage().setHeader(StorageConstants.KEY, key);
            exchange.getMessage().setBody("US data".getBytes());
        });

        assertThat(done.getException()).isInstanceOf(PolicyDeniedException.class);
        PolicyDeniedException denied = (PolicyDeniedException) done.getException();
        assertThat(denied.code().name()).isEqualTo("RESIDENCY_MISMATCH");
        assertThat(denied.context())
                .containsEntry("tenant", TENANT)
                .containsEntry("dataRegion", "us-east-1")
                .containsEntry("instanceRegion", "eu-west-1")
                .containsEntry("policy", "residency/decision");
        for (String bucket : S3.bucketNames()) {
            assertThat(S3.objectKeys(bucket)).noneMatch(stored -> stored.endsWith(key));
        }
        assertThat(denials("evidence")).isEqualTo(before + 1);
        // The adapter's own meters land in the hub's registry too (the one /actuator/prometheus serves).
        assertThat(meters.find("conductor.adapter.requests")
                        .tag("tenant", TENANT)
                        .tag("outcome", "denied")
                        .counter())
                .isNotNull();
        assertThat(output.getOut())
                .contains("event=residency_denied tenant=northwind environment=dev "
                        + "instance=evidence action=storage.put_object data_region=us-east-1 instance_region=eu-west-1 "
                        + "policy=residency/decision decision_id=" + denied.decisionId());
        JsonNode listed = asOperator("GET", "/api/tenants/" + TENANT + "/residency/denials", null)
                .json();
        JsonNode newest = listed.get(0);
        assertThat(newest.path("decisionId").asText()).isEqualTo(denied.decisionId());
        assertThat(newest.path("dataRegion").asText()).isEqualTo("us-east-1");
        assertThat(newest.path("instanceRegion").asText()).isEqualTo("eu-west-1");
        assertThat(newest.path("code").asText()).isEqualTo("RESIDENCY_MISMATCH");
        assertThat(newest.path("reasons").toString()).contains("does not match instance region");
    }

    @Test
    void deniedEvidenceUploadStoresNothingAnywhereAndIsNotDeadLettered() {
        String bundleId = "denied-" + UUID.randomUUID();

        Api.Answer denied = asOperator(
                "POST",
                "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence",
                bundle(bundleId, "us-east-1", "report.txt", "US customer data"));

        assertThat(denied.status()).as(denied.body()).isEqualTo(403);
        assertThat(denied.json().path("code").asText()).isEqualTo("RESIDENCY_MISMATCH");
        String decisionId = denied.json().path("decisionId").asText();
        assertThat(decisionId).isNotBlank();
        assertThat(denied.json().path("context").path("instanceRegion").asText())
                .isEqualTo("eu-west-1");
        assertThat(objectsOf(bundleId)).isEmpty();
        assertThat(asOperator("GET", "/api/tenants/" + TENANT + "/residency/denials", null)
                        .json()
                        .findValuesAsText("decisionId"))
                .contains(decisionId);
        assertThat(asOperator("GET", "/api/tenants/" + TENANT + "/evidence/failed", null)
                        .body())
                .doesNotContain(bundleId);
    }

    @Test
    void anEvidenceUploadAsksTheGateOncePerObjectThroughTheAdapter(CapturedOutput output) {
        String bundleId = "once-" + UUID.randomUUID();
        int before = residencyDecisions(output.getOut());

        Api.Answer stored = asOperator(
                "POST",
                "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence",
                bundle(bundleId, "eu-west-1", "a.txt", "first", "b.txt", "second"));

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        // Two files and the manifest: three puts, three decisions. The route used to ask a fourth time in Java
        // (a pre-check rebuilding the adapter's request) before the first put.
        assertThat(residencyDecisions(output.getOut()) - before).isEqualTo(3);
    }

    /** Residency decisions for this test's tenant in the decision log (logger conductor.decisions). */
    private static int residencyDecisions(String log) {
        int count = 0;
        for (String logged : log.split("\n")) {
            String line = logged.replace("\\\"", "\""); // the JSON console escapes the entry's quotes
            if (line.contains("\"path\":\"residency/decision\"") && line.contains("\"tenant\":\"" + TENANT + "\"")) {
                count++;
            }
        }
        return count;
    }

    @Test
    void storageLocationsNameBackendBucketAndRegionButNoSecret() {
        Api.Answer locations = asOperator("GET", "/api/tenants/" + TENANT + "/storage-locations", null);

        assertThat(locations.status()).isEqualTo(200);
        JsonNode list = locations.json();
        assertThat(list.findValuesAsText("environment")).containsExactlyInAnyOrder(ENV, ENV, PROD);
        assertThat(list.findValuesAsText("instance")).containsExactlyInAnyOrder("evidence", "archive", "evidence");
        assertThat(list.findValuesAsText("bucket")).containsExactlyInAnyOrder(EU_BUCKET, US_BUCKET, EU_BUCKET);
        assertThat(list.findValuesAsText("region")).containsExactlyInAnyOrder("eu-west-1", "us-east-1", "eu-west-1");
        assertThat(list.findValuesAsText("backend")).containsOnly("s3-storage");
        assertThat(locations.body()).doesNotContain("secret", S3.secretKey(), S3.accessKey());
    }

    @Test
    void tenantOutsideTheCallersScopeIsNotFound() {
        for (String path : new String[] {"/residency/denials", "/storage-locations", "/evidence/failed"}) {
            Api.Answer answer = api.get("/api/tenants/" + TENANT + path, SCOPED_USER, SCOPED_PASSWORD);
            assertThat(answer.status()).as(path).isEqualTo(404);
        }
        Api.Answer upload = api.postJson(
                "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence",
                SCOPED_USER,
                SCOPED_PASSWORD,
                bundle("scoped", "eu-west-1", "a.txt", "x"));
        assertThat(upload.status()).isEqualTo(404);
        assertThat(api.get("/api/tenants/" + OTHER_TENANT + "/storage-locations", SCOPED_USER, SCOPED_PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    private double denials(String instance) {
        var counter = meters.find(ResidencyDenialRecorder.DENIALS)
                .tag("tenant", TENANT)
                .tag("instance", instance)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
