package io.maestro.conductor.demo.identity;

import io.maestro.conductor.sandbox.identity.OidcSandbox;
import io.maestro.conductor.sandbox.identity.ScimSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded default's identity peers on 127.0.0.1: mock-oauth2-server (issuer {@value #ISSUER_ID}) and Apache
 * SCIMple. The SCIM peer's bearer token is made on the first start and kept in the data dir ({@value #TOKEN_FILE},
 * owner-only like the rest of it), so the tenant secret that holds it is written once, not at every start.
 */
public final class DemoIdentityPeers implements AutoCloseable {

    static final String ISSUER_ID = "atlas";
    static final String TOKEN_FILE = "demo-scim-token";

    private final OidcSandbox oidc;
    private final ScimSandbox scim;
    private final String scimToken;

    private DemoIdentityPeers(OidcSandbox oidc, ScimSandbox scim, String scimToken) {
        this.oidc = oidc;
        this.scim = scim;
        this.scimToken = scimToken;
    }

    public static DemoIdentityPeers start(Path dataDir) {
        String token = token(dataDir.resolve(TOKEN_FILE));
        OidcSandbox oidc = OidcSandbox.start();
        try {
            return new DemoIdentityPeers(oidc, ScimSandbox.start(token), token);
        } catch (RuntimeException e) {
            oidc.close();
            throw e;
        }
    }

    public OidcSandbox oidc() {
        return oidc;
    }

    public ScimSandbox scim() {
        return scim;
    }

    /** The issuer of the demo tenants' tokens. */
    public String issuer() {
        return oidc.issuer(ISSUER_ID).toString();
    }

    String scimToken() {
        return scimToken;
    }

    private static String token(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, token, StandardCharsets.UTF_8);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo SCIM token in " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            scim.close();
        } finally {
            oidc.close();
        }
    }
}
