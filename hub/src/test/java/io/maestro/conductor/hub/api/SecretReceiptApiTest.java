package io.maestro.conductor.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A secret written over the API leaves a receipt per write: who, which secret, which value version; never the value. */
class SecretReceiptApiTest extends HubIntegrationTest {

    private static final String SECRETS = "/api/tenants/atlas/environments/dev/secrets/";

    @Test
    void eachWriteLeavesAReceiptNamingActorSecretAndVersionButNotTheValue() {
        String name = "receipt-check-" + UUID.randomUUID().toString().substring(0, 8);
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        long before = api.get("/api/tenants/atlas/receipts/verify", OPERATOR, operatorPassword())
                .json()
                .path("checked")
                .asLong();

        assertThat(api.putJson(SECRETS + name, OPERATOR, operatorPassword(), Map.of("value", first))
                        .status())
                .isEqualTo(204);
        assertThat(api.putJson(SECRETS + name, ATLAS_USER, ATLAS_PASSWORD, Map.of("value", second))
                        .status())
                .isEqualTo(204);

        Answer listed = api.get("/api/tenants/atlas/receipts?afterSeq=" + before, OPERATOR, operatorPassword());
        JsonNode receipts = listed.json();
        assertThat(receipts).hasSize(2);
        assertThat(receipts.findValuesAsText("action")).containsExactly("SECRET_CREATED", "SECRET_ROTATED");
        assertThat(receipts.findValuesAsText("actor")).containsExactly(OPERATOR, ATLAS_USER);
        assertThat(receipts.findValuesAsText("instance")).containsOnly("secret:" + name);
        assertThat(receipts.get(1).path("changeSet").path("valueVersion").asInt())
                .isEqualTo(2);
        assertThat(listed.body()).doesNotContain(first).doesNotContain(second);
        assertThat(api.get("/api/tenants/atlas/receipts/verify", OPERATOR, operatorPassword())
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }
}
