package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One tenant's unreachable bucket is that instance's health, shown per instance in the details, never the hub's:
 * {@code /actuator/health} stays 200 UP for everyone while the instance is DOWN.
 */
class AdapterInstanceHealthTest extends StorageHub {

    private static final String UPLOAD = "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence";
    private static final String INSTANCE = TENANT + "/" + ENV + "/evidence";

    @Autowired
    MeterRegistry meters;

    @Test
    void anUnreachableBucketLeavesTheHubUpAndShowsTheInstanceDown() {
        Api.Answer failed;
        S3.stop();
        try {
            failed = asOperator("POST", UPLOAD, bundle("health-" + UUID.randomUUID(), "eu-west-1", "a.txt", "a"));
        } finally {
            S3.start();
        }
        assertThat(failed.status()).as(failed.body()).isEqualTo(503);

        Api.Answer anonymous = api.anonymousGet("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        Api.Answer operator = asOperator("GET", "/actuator/health", null);
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.json().path("status").asText()).isEqualTo("UP");
        JsonNode adapters = operator.json().path("components").path("adapters");
        assertThat(adapters.path("status").asText()).isEqualTo("UP");
        assertThat(adapters.path("details").path("instancesDown").asInt()).isPositive();
        JsonNode instance = adapters.path("details").path("instances").path(INSTANCE);
        assertThat(instance.path("status").asText()).isEqualTo("DOWN");
        assertThat(instance.path("lastOutcome").asText()).isEqualTo("STORAGE_UNREACHABLE");
        assertThat(meters.get("conductor.adapter.instances.down").gauge().value())
                .isGreaterThanOrEqualTo(1);

        Api.Answer stored =
                asOperator("POST", UPLOAD, bundle("health-" + UUID.randomUUID(), "eu-west-1", "b.txt", "b"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        JsonNode recovered = asOperator("GET", "/actuator/health", null)
                .json()
                .path("components")
                .path("adapters");
        assertThat(recovered
                        .path("details")
                        .path("instances")
                        .path(INSTANCE)
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }
}
