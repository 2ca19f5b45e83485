package io.maestro.conductor.registry;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.support.CapturedLogs;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A whole scenario with a secret, then a search for the secret's value in everything it produced. */
class SecretNowhereTest {

    private static final String VALUE = "Zq9-very-private-value-7Hk";

    @OnEachDatabase
    void theSecretValueAppearsInNoLogReceiptInstanceErrorOrTable(TestDatabase db) {
        List<String> outputs = new ArrayList<>();
        try (RegistryHarness h = new RegistryHarness(db);
                CapturedLogs logs = new CapturedLogs()) {
            Registry registry = h.registry();
            registry.ensureTenant(new io.maestro.conductor.registry.model.Tenant(
                    "acme", "Acme", io.maestro.conductor.registry.model.TenantKind.SAAS, List.of("dev")));
            registry.secrets().put(OPERATOR, "acme", "dev", "s3-access", "AKIA-ACCESS");
            registry.secrets().put(OPERATOR, "acme", "dev", "s3-secret", VALUE);
            registry.install(OPERATOR, "acme", "dev", "evidence", s3("acme-evidence"));
            registry.update(OPERATOR, "acme", "dev", "evidence", new UpdateRequest(1, s3Config("acme-2"), null, null));
            assertThat(registry.secrets()
                            .read(OPERATOR, "acme", "dev", "s3-secret", "connect")
                            .reveal())
                    .isEqualTo(VALUE);
            assertThatThrownBy(() -> registry.update(
                            OPERATOR,
                            "acme",
                            "dev",
                            "evidence",
                            new UpdateRequest(2, s3Config("acme-3").put("secretKey", VALUE), null, null)))
                    .satisfies(e -> outputs.add(e.toString() + ((RegistryException) e).violations()));
            registry.uninstall(OPERATOR, "acme", "dev", "evidence");

            outputs.add(logs.all());
            outputs.add(Json.write(registry.receipts().list("acme").stream()
                    .map(Receipt::changeSet)
                    .toList()));
            outputs.add(registry.receipts().verify("acme").toString());
            outputs.add(registry.tenants().toString());
            outputs.add(registry.secrets().accessLog("acme", 50).toString());
            JdbcTemplate jdbc = new JdbcTemplate(h.dataSource());
            for (String table : List.of("receipt", "secret", "secret_access_audit", "adapter_instance", "tenant")) {
                outputs.add(jdbc.queryForList("SELECT * FROM " + table).toString());
            }
        }
        assertThat(outputs).hasSize(11).allSatisfy(text -> assertThat(text).doesNotContain(VALUE));
    }
}
