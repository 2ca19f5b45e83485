package io.maestro.conductor.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.adapter.config.AdapterDefinitions;
import org.junit.jupiter.api.Test;

class PaymentsDefinitionsTest {

    @Test
    void stripesApiBaseIsTheEndpointKeyTheHubsAllowlistGuards() {
        JsonNode properties = PaymentsDefinitions.CONFIG.jsonSchema().path("properties");

        assertThat(properties.path(AdapterDefinitions.ENDPOINT).path("default").asText())
                .isEqualTo("https://api.stripe.com");
        assertThat(properties.fieldNames())
                .toIterable()
                .as("no other key may carry a URL the instance calls")
                .doesNotContain("apiBase");
    }
}
