package io.maestro.conductor.identity.scim;

import io.maestro.conductor.sandbox.identity.ScimSandbox;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The RFC 7644 suite against Apache SCIMple (the SCIM backend of the fast suite). */
class ScimpleConformanceTest extends ScimConformanceSuite {

    private static final String TOKEN = "scim-conformance-token";
    private static ScimSandbox scim;

    @BeforeAll
    static void start() {
        scim = ScimSandbox.start(TOKEN);
    }

    @AfterAll
    static void stop() {
        scim.close();
    }

    @Override
    protected URI baseUri() {
        return scim.baseUri();
    }

    @Override
    protected String bearerToken() {
        return TOKEN;
    }

    @Override
    protected void empty() {
        scim.reset();
    }
}
