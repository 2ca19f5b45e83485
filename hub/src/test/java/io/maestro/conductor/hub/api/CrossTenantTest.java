package io.maestro.conductor.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.Registry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@value #ATLAS_USER} may see only tenant atlas; every other tenant looks as if it did not exist. */
@ExtendWith(OutputCaptureExtension.class)
class CrossTenantTest extends HubIntegrationTest {

    @Autowired
    Registry registry;

    private String lumenSecret() {
        return registry.secrets()
                .read(
                        Actor.system("cross-tenant-test"),
                        "lumen",
                        "prod",
                        "statements-secret-key",
                        "prove a refused write changed nothing")
                .reveal();
    }

    @Test
    void tenantListShowsOnlyTheCallersTenants() {
        List<String> ids =
                api.get("/api/tenants", ATLAS_USER, ATLAS_PASSWORD).json().findValuesAsText("id");
        assertThat(ids).containsExactly("atlas");
        assertThat(api.get("/api/tenants", OPERATOR, operatorPassword()).json().findValuesAsText("id"))
                .contains("atlas", "lumen", "orbit");
    }

    @Test
    void ownTenantIsReachable() {
        Answer own = api.get("/api/tenants/atlas/environments/dev/adapters", ATLAS_USER, ATLAS_PASSWORD);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().findValuesAsText("name")).contains("evidence");
    }

    @Test
    void everyReadAndWriteOnAnotherTenantIs404AndChangesNothing(CapturedOutput output) {
        String lumenAdapters = "/api/tenants/lumen/environments/prod/adapters";
        String before = api.get(lumenAdapters, OPERATOR, operatorPassword()).body();
        long receiptsBefore = receiptCount("lumen");
        String secretBefore = lumenSecret();
        JsonNode statements = api.get(lumenAdapters + "/statements", OPERATOR, operatorPassword())
                .json();
        ObjectNode changed = statements.path("config").deepCopy();
        changed.put("bucket", "hijacked-bucket");

        List<Answer> refused = List.of(
                api.get(lumenAdapters, ATLAS_USER, ATLAS_PASSWORD),
                api.get(lumenAdapters + "/statements", ATLAS_USER, ATLAS_PASSWORD),
                api.get("/api/tenants/lumen/receipts", ATLAS_USER, ATLAS_PASSWORD),
                api.get("/api/tenants/lumen/receipts/verify", ATLAS_USER, ATLAS_PASSWORD),
                api.putJson(
                        lumenAdapters + "/statements",
                        ATLAS_USER,
                        ATLAS_PASSWORD,
                        Map.of("configVersion", statements.path("configVersion").asLong(), "config", changed)),
                api.postJson(
                        lumenAdapters + "/stolen",
                        ATLAS_USER,
                        ATLAS_PASSWORD,
                        Map.of("definition", "s3-storage", "region", "eu-west-1", "config", changed)),
                api.delete(lumenAdapters + "/statements", ATLAS_USER, ATLAS_PASSWORD),
                api.putJson(
                        "/api/tenants/lumen/environments/prod/secrets/statements-secret-key",
                        ATLAS_USER,
                        ATLAS_PASSWORD,
                        Map.of("value", "overwritten")),
                api.post(
                        "/api/tenants/lumen/environments/prod/workflows/validate",
                        ATLAS_USER,
                        ATLAS_PASSWORD,
                        "application/yaml",
                        "- from: {uri: direct:x, steps: [{to: storage:put?instance=statements}]}"));

        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().path("code").asText()).isEqualTo("TENANT_NOT_FOUND");
        }
        assertThat(api.get(lumenAdapters, OPERATOR, operatorPassword()).body()).isEqualTo(before);
        assertThat(receiptCount("lumen")).isEqualTo(receiptsBefore);
        assertThat(lumenSecret()).isEqualTo(secretBefore).isNotEqualTo("overwritten");
        assertThat(output.getAll()).contains("event=cross_tenant_denied caller=" + ATLAS_USER + " tenant=lumen");
    }

    @Test
    void aHiddenTenantLooksExactlyLikeAnAbsentOne() {
        JsonNode hidden = api.get("/api/tenants/lumen/receipts", ATLAS_USER, ATLAS_PASSWORD)
                .json();
        JsonNode absent = api.get("/api/tenants/no-such-tenant/receipts", OPERATOR, operatorPassword())
                .json();

        assertThat(hidden.path("status")).isEqualTo(absent.path("status"));
        assertThat(hidden.path("code")).isEqualTo(absent.path("code"));
        assertThat(hidden.path("title")).isEqualTo(absent.path("title"));
        assertThat(hidden.path("detail").asText().replace("lumen", "T"))
                .isEqualTo(absent.path("detail").asText().replace("no-such-tenant", "T"));
    }

    @Test
    void dependentsSpanTenantsSoOnlyTheOperatorMayAsk() {
        Answer scoped = api.get("/api/adapters/s3-storage/dependents", ATLAS_USER, ATLAS_PASSWORD);
        assertThat(scoped.status()).isEqualTo(403);
        assertThat(scoped.json().path("code").asText()).isEqualTo("FORBIDDEN");
    }

    private long receiptCount(String tenant) {
        return api.get("/api/tenants/" + tenant + "/receipts/verify", OPERATOR, operatorPassword())
                .json()
                .path("checked")
                .asLong();
    }
}
