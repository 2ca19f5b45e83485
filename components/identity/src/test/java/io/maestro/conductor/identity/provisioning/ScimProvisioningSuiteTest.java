package io.maestro.conductor.identity.provisioning;

import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.identity.IdentityInstances;
import io.maestro.conductor.sandbox.identity.OidcSandbox;
import io.maestro.conductor.sandbox.identity.ScimSandbox;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The provisioning suite on Apache SCIMple (SCIM 2.0 over HTTP). */
class ScimProvisioningSuiteTest extends ProvisioningSuite {

    private static final String TOKEN = "scim-suite-token-48b1";
    private static OidcSandbox oidc;
    private static ScimSandbox scim;

    @BeforeAll
    static void startPeers() {
        oidc = OidcSandbox.start();
        scim = ScimSandbox.start(TOKEN);
    }

    @AfterAll
    static void stopPeers() {
        scim.close();
        oidc.close();
    }

    @Override
    protected ResolvedInstance instance() {
        secrets.put(TENANT, ENV, "scim-" + INSTANCE, TOKEN);
        return IdentityInstances.scim(TENANT, ENV, INSTANCE, oidc, scim, Map.of());
    }

    @Override
    protected String role() {
        return "approver";
    }
}
