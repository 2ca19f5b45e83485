package io.maestro.conductor.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.payments.billing.BillingLedger;
import io.maestro.conductor.payments.billing.BillingPeriod;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /api/tenants/{t}/billing/status}: what the ledger says, to the tenant's users and operators only. */
class BillingStatusApiTest extends HubIntegrationTest {

    private static final BillingPeriod PERIOD = BillingPeriod.parse("2026-10");

    @Autowired
    private BillingLedger ledger;

    @Test
    void aFailedSyncShowsItsPeriodErrorCodeAndAttempts() {
        Instant at = Instant.parse("2026-11-01T02:00:00Z");
        ledger.begin("orbit", PERIOD, at);
        ledger.failed("orbit", PERIOD, "PAYMENTS_UNREACHABLE", at);

        Answer status = api.get("/api/tenants/orbit/billing/status", VICTOR, TEAM_PASSWORD);

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("tenant").asText()).isEqualTo("orbit");
        assertThat(status.json().path("period").asText()).isEqualTo("2026-10");
        assertThat(status.json().path("outcome").asText()).isEqualTo("FAILED");
        assertThat(status.json().path("state").asText()).isEqualTo("STARTED");
        assertThat(status.json().path("errorCode").asText()).isEqualTo("PAYMENTS_UNREACHABLE");
        assertThat(status.json().path("attempts").asInt()).isEqualTo(1);
        assertThat(Instant.parse(status.json().path("lastSyncAt").asText())).isEqualTo(at);
    }

    @Test
    void aTenantNeverSyncedSaysSo() {
        Answer status = api.get("/api/tenants/atlas/billing/status", ATLAS_USER, ATLAS_PASSWORD);

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("outcome").asText()).isEqualTo("NOT_SYNCED");
        assertThat(status.json().path("period").isNull()).isTrue();
    }

    @Test
    void anotherTenantsStatusLooksExactlyLikeAnUnknownTenant() {
        ledger.begin("lumen", PERIOD, Instant.now());

        Answer hidden = api.get("/api/tenants/lumen/billing/status", ATLAS_USER, ATLAS_PASSWORD);
        Answer absent = api.get("/api/tenants/nobody/billing/status", ATLAS_USER, ATLAS_PASSWORD);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().path("code").asText()).isEqualTo("TENANT_NOT_FOUND");
        assertThat(hidden.json().path("detail").asText().replace("lumen", "T"))
                .isEqualTo(absent.json().path("detail").asText().replace("nobody", "T"));
        assertThat(hidden.body()).doesNotContain("STARTED");
    }

    @Test
    void hostileTenantNamesAreRefusedWithoutReachingTheLedger() {
        for (String hostile : new String[] {"atlas'--", "..%2F..%2Fetc", "a".repeat(300), "%00"}) {
            Answer answer = api.get("/api/tenants/" + hostile + "/billing/status", OPERATOR, operatorPassword());
            assertThat(answer.status()).as(hostile).isIn(400, 404);
            assertThat(answer.body()).as(hostile).doesNotContain("Exception", "SQL");
        }
    }
}
