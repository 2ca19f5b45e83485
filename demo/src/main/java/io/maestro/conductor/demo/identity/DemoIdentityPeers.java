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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's identity peers on 127.0.0.1: mock-oauth2-server (issuer {@value #ISSUER_ID}) and Apache
 * SCIMple. The SCIM peer's bearer token is made on the first start and kept in the data dir ({@value #TOKEN_FILE},
 * owner-only like the rest of it), so the tenant secret that holds it is written once, not at every start.
 */
public final class DemoIdentityPeers implements AutoCloseable {

    static final String ISSUER_ID = "atlas";
    static final String TOKEN_FILE = "demo-scim-token";
    static final String PORTS_FILE = "demo-identity-ports";
    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentityPeers.class);

    private final OidcSandbox oidc;
    private final ScimSandbox scim;
    private final String scimToken;

    private DemoIdentityPeers(OidcSandbox oidc, ScimSandbox scim, String scimToken) {
        this.oidc = oidc;
        this.scim = scim;
        this.scimToken = scimToken;
    }

    /**
     * Starts both peers on the ports remembered in {@value #PORTS_FILE} of the data dir (free ones on the first start,
     * or when a remembered one is taken), so a restart serves at the addresses the demo tenants' instances already
     * name: re-pointing them on every start would add a receipt each time.
     */
    public static DemoIdentityPeers start(Path dataDir) {
        String token = token(dataDir.resolve(TOKEN_FILE));
        Path portsFile = dataDir.resolve(PORTS_FILE);
        int[] remembered = readPorts(portsFile);
        OidcSandbox oidc = startOrMove(() -> OidcSandbox.start(remembered[0]), OidcSandbox::start, remembered[0]);
        try {
            ScimSandbox scim = startOrMove(
                    () -> ScimSandbox.start(token, remembered[1]), () -> ScimSandbox.start(token), remembered[1]);
            int oidcPort = oidc.issuer(ISSUER_ID).getPort();
            int scimPort = scim.baseUri().getPort();
            if (oidcPort != remembered[0] || scimPort != remembered[1]) {
                Files.writeString(portsFile, oidcPort + " " + scimPort, StandardCharsets.UTF_8);
            }
            return new DemoIdentityPeers(oidc, scim, token);
        } catch (IOException e) {
            oidc.close();
            throw new UncheckedIOException("cannot remember the demo identity ports in " + portsFile, e);
        } catch (RuntimeException e) {
            oidc.close();
            throw e;
        }
    }

    private static <T> T startOrMove(Supplier<T> onRemembered, Supplier<T> onFree, int rememberedPort) {
        if (rememberedPort > 0) {
            try {
                return onRemembered.get();
            } catch (RuntimeException taken) {
                LOG.warn("event=demo_identity_port_moved port={} reason=\"{}\"", rememberedPort, taken.getMessage());
            }
        }
        return onFree.get();
    }

    /** {oidc, scim}; zeros when nothing is remembered or the file is unreadable. */
    private static int[] readPorts(Path file) {
        try {
            if (Files.exists(file)) {
                String[] parts =
                        Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
                if (parts.length == 2) {
                    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            LOG.warn("event=demo_identity_ports_unreadable file={}", file.getFileName());
        }
        return new int[] {0, 0};
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
