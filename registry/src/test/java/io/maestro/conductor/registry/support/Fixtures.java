package io.maestro.conductor.registry.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.model.TenantKind;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.store.Json;
import java.util.List;

/** Small builders shared by the registry tests. */
public final class Fixtures {

    public static final Actor OPERATOR = new Actor("alice");

    private Fixtures() {}

    /** A tenant with dev and prod, and the two secrets {@link #s3Config} refers to, in both. */
    public static void tenantWithSecrets(Registry registry, String tenant) {
        registry.ensureTenant(new Tenant(tenant, tenant + " Inc", TenantKind.SAAS, List.of("dev", "prod")));
        for (String env : List.of("dev", "prod")) {
            registry.secrets().put(OPERATOR, tenant, env, "s3-access", "AKIA-" + tenant + "-" + env);
            registry.secrets().put(OPERATOR, tenant, env, "s3-secret", "s3cr3t-" + tenant + "-" + env);
        }
    }

    /**
     * The tenant's receipts of instance changes: what lifecycle tests count, leaving out the {@code SECRET_*} receipts
     * of {@link #tenantWithSecrets}.
     */
    public static List<Receipt> lifecycleReceipts(Registry registry, String tenant) {
        return registry.receipts().list(tenant).stream()
                .filter(receipt -> !receipt.action().name().startsWith("SECRET_"))
                .toList();
    }

    public static ObjectNode s3Config(String bucket) {
        return Json.MAPPER
                .createObjectNode()
                .put("bucket", bucket)
                .put("region", "eu-west-1")
                .put("endpoint", "http://127.0.0.1:9000")
                .put("accessKey", "secret:s3-access")
                .put("secretKey", "secret:s3-secret");
    }

    public static InstallRequest s3(String bucket) {
        return new InstallRequest("s3-storage", null, s3Config(bucket), "eu-west-1");
    }
}
