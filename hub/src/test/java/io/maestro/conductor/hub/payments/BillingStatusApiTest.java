package io.maestro.conductor.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.payments.billing.BillingLedger;
import io.maestro.conductor.payments.billing.BillingPeriod;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/tenants/{t}/billing/status}: what the ledger says, to the tenant's users and operators only. */
class BillingStatusApiTest extends HubIntegrationTest {

    private static final BillingPeriod PERIOD = BillingPeriod.parse("2026-10");

    @Autowired
    private BillingLedger ledger;

    @Autowired
    private DataSource dataSource;

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

    @Test
    void aPaymentsInstanceHealthViewCarriesItsTenantsBillingStatusAndOthersNone() {
        try {
            Instant at = Instant.parse("2026-11-01T03:00:00Z");
            ledger.begin("atlas", PERIOD, at);
            ledger.failed("atlas", PERIOD, "PAYMENTS_RATE_LIMITED", at);

            Answer billing =
                    api.get("/api/tenants/atlas/environments/dev/health/adapters/billing", ATLAS_USER, ATLAS_PASSWORD);
            Answer evidence =
                    api.get("/api/tenants/atlas/environments/dev/health/adapters/evidence", ATLAS_USER, ATLAS_PASSWORD);
            Answer status = api.get("/api/tenants/atlas/billing/status", ATLAS_USER, ATLAS_PASSWORD);

            assertThat(billing.status()).as(billing.body()).isEqualTo(200);
            assertThat(billing.json().path("instance").asText()).isEqualTo("billing");
            assertThat(billing.json().path("category").asText()).isEqualTo("payments");
            assertThat(billing.json().path("status").asText()).isNotEmpty();
            assertThat(billing.json().path("billing"))
                    .as("the status API's answer")
                    .isEqualTo(status.json());
            assertThat(billing.json().path("billing").path("outcome").asText()).isEqualTo("FAILED");
            assertThat(billing.json().path("billing").path("errorCode").asText())
                    .isEqualTo("PAYMENTS_RATE_LIMITED");
            assertThat(evidence.status()).isEqualTo(200);
            assertThat(evidence.json().path("billing").isNull())
                    .as("not a payments instance")
                    .isTrue();
        } finally {
            // atlas is never synced for aTenantNeverSyncedSaysSo, which shares this hub's database
            new JdbcTemplate(dataSource).update("DELETE FROM billing_ledger WHERE tenant_id = 'atlas'");
        }
    }

    @Test
    void theInstanceViewRefusesStrangersAndOtherTenantsUsers() {
        String path = "/api/tenants/atlas/environments/dev/health/adapters/billing";
        assertThat(api.anonymousGet(path).status()).isEqualTo(401);
        assertThat(api.get(path, ATLAS_USER, "wrong-" + ATLAS_PASSWORD).status())
                .isEqualTo(401);
        Answer viewer = api.get(path, VICTOR, TEAM_PASSWORD);
        assertThat(viewer.status()).as("a viewer sees, cannot act").isEqualTo(200);

        Answer other =
                api.get("/api/tenants/lumen/environments/prod/health/adapters/billing", ATLAS_USER, ATLAS_PASSWORD);
        Answer absent =
                api.get("/api/tenants/nobody/environments/prod/health/adapters/billing", ATLAS_USER, ATLAS_PASSWORD);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().path("code").asText())
                .isEqualTo(absent.json().path("code").asText());
        assertThat(other.body()).doesNotContain("billing\":", "INVOICED", "PAYMENTS_");
    }
}
