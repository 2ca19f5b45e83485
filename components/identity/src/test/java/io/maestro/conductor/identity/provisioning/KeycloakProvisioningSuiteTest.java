package io.maestro.conductor.identity.provisioning;

import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.identity.IdentityInstances;
import org.junit.jupiter.api.Tag;

/**
 * The provisioning suite on a real Keycloak's admin REST API (the shared one of this test JVM, realm
 * {@code conductor}: its user profile declares {@code externalId}, its client {@code conductor} has a service
 * account with the realm-management roles).
 */
@Tag("slow")
class KeycloakProvisioningSuiteTest extends ProvisioningSuite {

    static final String CLIENT_SECRET = "conductor-test-secret";

    @Override
    protected ResolvedInstance instance() {
        secrets.put(TENANT, ENV, "keycloak-" + INSTANCE, CLIENT_SECRET);
        return IdentityInstances.keycloak(TENANT, ENV, INSTANCE, SharedKeycloak.get(), SharedKeycloak.REALM);
    }

    /** Keycloak maps only realm roles that exist: {@code operator} is in the realm's import. */
    @Override
    protected String role() {
        return "operator";
    }
}
