package io.maestro.conductor.identity;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AdapterContractTest;
import io.maestro.conductor.sandbox.identity.OidcSandbox;
import io.maestro.conductor.sandbox.identity.ScimSandbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The SPI's contract checks for {@code identity:}, provisioning on Apache SCIMple over HTTP. */
class IdentityContractTest extends AdapterContractTest {

    private static final String ACCEPTED = "scim-contract-accepted-token-7f3a";
    private static final String REFUSED = "scim-contract-refused-token-91c2";

    private static OidcSandbox oidc;
    private static ScimSandbox scim;

    @BeforeAll
    static void startPeers() {
        oidc = OidcSandbox.start();
        scim = ScimSandbox.start(ACCEPTED);
    }

    @AfterAll
    static void stopPeers() {
        scim.close();
        oidc.close();
    }

    @BeforeEach
    void emptyDirectory() {
        scim.reset();
    }

    @Override
    protected AdapterComponent<?> newComponent() {
        return new IdentityComponent();
    }

    @Override
    protected ResolvedInstance workingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "scim-" + name, ACCEPTED);
        return IdentityInstances.scim(TENANT, ENVIRONMENT, name, oidc, scim, Map.of());
    }

    @Override
    protected ResolvedInstance refusingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "scim-" + name, REFUSED);
        return IdentityInstances.scim(TENANT, ENVIRONMENT, name, oidc, scim, Map.of());
    }

    @Override
    protected String writeOperation() {
        return "create_user";
    }

    @Override
    protected Map<String, Object> writeHeaders() {
        return Map.of();
    }

    @Override
    protected Object writeBody() {
        return Map.of("externalId", "hr-2001", "userName", "bob", "email", "bob@acme.example");
    }

    /** The test's instances share one SCIMple, emptied before each test: any user is this test's write. */
    @Override
    protected boolean backendWritten(ResolvedInstance instance) {
        return !scim.users().isEmpty();
    }

    @Override
    protected List<String> secretValues() {
        return List.of(ACCEPTED, REFUSED);
    }
}
