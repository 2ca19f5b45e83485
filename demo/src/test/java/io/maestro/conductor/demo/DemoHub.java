package io.maestro.conductor.demo;

import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.sandbox.identity.OidcSandbox;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one demo hub {@link DemoHubTest} starts for the checks of every peer: the embedded default with all its peers
 * on, the golden workflows those checks drive, the repository's policy bundles, and operator login through OpenID
 * Connect against a provider of its own ({@link #OPERATOR_OIDC}, issuer {@value #OPERATOR_ISSUER}) beside HTTP Basic.
 */
public final class DemoHub {

    public static final Path DATA_DIR = HubProperties.newDataDir("conductor-demo-hub");
    public static final String OPERATOR_ISSUER = "operators";
    public static final String OPERATOR_CLIENT_ID = "conductor-hub";
    public static final String OPERATOR_CLIENT_SECRET = "hub-client-secret-" + UUID.randomUUID();
    public static final OidcSandbox OPERATOR_OIDC = OidcSandbox.start();

    private static final String[] ROUTES = {"evidence-upload", "onboarding", "billing-sync", "adapter-review"};

    private DemoHub() {}

    static void properties(DynamicPropertyRegistry properties) {
        HubProperties.embeddedDefault(DATA_DIR).forEach((name, value) -> properties.add(name, () -> value));
        StringBuilder routes = new StringBuilder();
        for (String route : ROUTES) {
            routes.append(routes.isEmpty() ? "" : ",")
                    .append("file:")
                    .append(HubProperties.repositoryPath("routes"))
                    .append('/')
                    .append(route)
                    .append(".yaml");
        }
        properties.add("camel.main.routes-include-pattern", routes::toString);
        properties.add(
                "conductor.policy.bundle-dirs",
                () -> HubProperties.repositoryPath("residency-policies") + ","
                        + HubProperties.repositoryPath("governance-policies"));
        for (String peer : new String[] {"storage", "identity", "payments", "events", "sqs", "notary", "notify"}) {
            properties.add("conductor.demo." + peer + ".enabled", () -> "true");
        }
        // A free S3 port, so the demo re-points the S3 instances at it.
        properties.add("conductor.demo.storage.s3-port", () -> "0");
        properties.add("conductor.onboarding.redelivery-delay-ms", () -> "10");
        // Billing runs only when a check asks for one.
        properties.add("conductor.billing.first-delay", () -> "1h");
        // Receipts sealed every second, so the storage checks see atlas's demo bundle sealed soon.
        properties.add("conductor.notary.receipts.interval", () -> "PT1S");
        properties.add("conductor.oidc-login.enabled", () -> "true");
        properties.add(
                "conductor.oidc-login.issuer",
                () -> OPERATOR_OIDC.issuer(OPERATOR_ISSUER).toString());
        properties.add("conductor.oidc-login.client-id", () -> OPERATOR_CLIENT_ID);
        properties.add("conductor.oidc-login.client-secret", () -> OPERATOR_CLIENT_SECRET);
    }
}
