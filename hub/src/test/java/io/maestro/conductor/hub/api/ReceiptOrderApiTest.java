package io.maestro.conductor.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code order=newest}: a tenant's latest receipts, newest first (what the Switchboard's drill-down reads). */
class ReceiptOrderApiTest extends HubIntegrationTest {

    private static final String RECEIPTS = "/api/tenants/atlas/receipts";

    @Test
    void newestListsTheLatestReceiptsNewestFirst() {
        String name = "order-check-" + UUID.randomUUID().toString().substring(0, 8);
        for (int version = 0; version < 3; version++) {
            assertThat(api.putJson(
                                    "/api/tenants/atlas/environments/dev/secrets/" + name,
                                    OPERATOR,
                                    operatorPassword(),
                                    Map.of("value", "v" + version + "-" + UUID.randomUUID()))
                            .status())
                    .isEqualTo(204);
        }
        List<Long> oldestFirst = seqs(api.get(RECEIPTS + "?limit=500", OPERATOR, operatorPassword()));

        Answer newest = api.get(RECEIPTS + "?limit=2&order=newest", ATLAS_USER, ATLAS_PASSWORD);

        assertThat(newest.status()).isEqualTo(200);
        List<Long> expected = new ArrayList<>(oldestFirst.subList(oldestFirst.size() - 2, oldestFirst.size()));
        java.util.Collections.reverse(expected);
        assertThat(seqs(newest)).isEqualTo(expected);
        assertThat(newest.json().get(0).path("instance").asText()).isEqualTo("secret:" + name);
        assertThat(seqs(api.get(RECEIPTS + "?limit=2&order=oldest", OPERATOR, operatorPassword())))
                .isEqualTo(oldestFirst.subList(0, 2));
    }

    @Test
    void aHostileOrderOrLimitIsRefusedWithoutEchoAndOtherTenantsStayHidden() {
        String script = "<script>alert(1)</script>";
        Answer order = api.get(
                RECEIPTS + "?order=" + java.net.URLEncoder.encode(script, java.nio.charset.StandardCharsets.UTF_8),
                OPERATOR,
                operatorPassword());
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.json().path("code").asText()).isEqualTo("ORDER_INVALID");
        assertThat(order.body()).doesNotContain("script");
        Answer limit = api.get(RECEIPTS + "?order=newest&limit=501", OPERATOR, operatorPassword());
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().path("code").asText()).isEqualTo("LIMIT_INVALID");

        assertThat(api.anonymousGet(RECEIPTS + "?order=newest").status()).isEqualTo(401);
        Answer other = api.get("/api/tenants/lumen/receipts?order=newest", ATLAS_USER, ATLAS_PASSWORD);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().path("code").asText()).isEqualTo("TENANT_NOT_FOUND");
    }

    private static List<Long> seqs(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Long> seqs = new ArrayList<>();
        for (JsonNode receipt : answer.json()) {
            seqs.add(receipt.path("seq").asLong());
        }
        return seqs;
    }
}
