package io.maestro.conductor.hub.config;

import io.maestro.conductor.registry.secret.OwnerOnlyFile;
import io.maestro.conductor.registry.secret.RandomSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every hub of one Hazelcast cluster must hold: {@code conductor.hazelcast.secret} (env
 * {@code CONDUCTOR_HAZELCAST_SECRET}) when set, else {@value #FILE_NAME} in the data dir, generated on first
 * start with owner-only permissions, like the master keyset.
 *
 * <p>Hazelcast's open-source edition has no member authentication (security realms, TLS and socket interceptors are
 * Enterprise features); the one thing a joining member must match is the cluster name. So the secret goes into the
 * name: {@link #clusterName} appends an HMAC of the configured name under the secret, and a member without the
 * secret forms a cluster of its own. The derived name is a bearer token sent in clear on the member protocol, so
 * members must talk over a trusted network (loopback on the embedded default); runbooks/hub.md says how.
 */
public final class ClusterSecret {

    public static final String FILE_NAME = "cluster-secret";
    /** 32 random bytes, base64url: anything shorter configured by hand is refused. */
    static final int MIN_LENGTH = 43;

    private final byte[] key;

    private ClusterSecret(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** @param configured the configured secret, or null/blank for the data dir's file */
    public static ClusterSecret fromSettingOrDataDir(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MIN_LENGTH) {
                throw new IllegalStateException("conductor.hazelcast.secret is shorter than " + MIN_LENGTH
                        + " characters; use 32 random bytes, e.g. the content of a hub's data/" + FILE_NAME);
            }
            return new ClusterSecret(configured.strip());
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            return new ClusterSecret(OwnerOnlyFile.readOrCreate(file, () -> RandomSecret.ofBytes(32))
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the cluster secret " + file, e);
        }
    }

    /** The Hazelcast cluster name for hubs configured with {@code configuredName} that hold this secret. */
    public String clusterName(String configuredName) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] proof =
                    hmac.doFinal(("conductor-hazelcast-cluster:" + configuredName).getBytes(StandardCharsets.UTF_8));
            return configuredName + "-"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(proof);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ClusterSecret[****]";
    }
}
