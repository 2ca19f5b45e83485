package io.maestro.conductor.registry.secret;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.maestro.conductor.registry.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One data keyset per tenant+environment, stored wrapped by the master AEAD with associated data
 * {@code tenant/env}: a wrapped keyset moved to another namespace does not unwrap.
 */
final class NamespaceKeys {

    private final JdbcTemplate jdbc;
    private final Aead master;
    private final Clock clock;
    private final Map<String, Aead> unwrapped = new ConcurrentHashMap<>();

    NamespaceKeys(JdbcTemplate jdbc, Aead master, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
    }

    /** The namespace's AEAD, created (and stored) on first use. */
    Aead forWriting(String tenant, String environment) {
        return find(tenant, environment).orElseGet(() -> create(tenant, environment));
    }

    Optional<Aead> find(String tenant, String environment) {
        String namespace = tenant + "/" + environment;
        Aead cached = unwrapped.get(namespace);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc
                .queryForList(
                        "SELECT encrypted_keyset FROM secret_namespace_key WHERE tenant_id = ? AND environment = ?",
                        String.class,
                        tenant,
                        environment)
                .stream()
                .findFirst()
                .map(wrapped -> unwrapped.computeIfAbsent(namespace, ns -> unwrap(wrapped, ns)));
    }

    private Aead create(String tenant, String environment) {
        String namespace = tenant + "/" + environment;
        KeysetHandle keyset = MasterKeySource.Keysets.generate();
        try {
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(
                    keyset, master, namespace.getBytes(StandardCharsets.UTF_8));
            jdbc.update(
                    "INSERT INTO secret_namespace_key (tenant_id, environment, encrypted_keyset, created_at) "
                            + "VALUES (?, ?, ?, ?)",
                    tenant,
                    environment,
                    Base64.getEncoder().encodeToString(wrapped),
                    Sql.timestamp(clock.instant()));
            return unwrapped.computeIfAbsent(namespace, ns -> MasterKeySource.Keysets.aead(keyset));
        } catch (DuplicateKeyException raced) {
            return find(tenant, environment).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the keyset of namespace " + namespace, e);
        }
    }

    private Aead unwrap(String wrapped, String namespace) {
        try {
            KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(
                    Base64.getDecoder().decode(wrapped), master, namespace.getBytes(StandardCharsets.UTF_8));
            return MasterKeySource.Keysets.aead(keyset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the keyset of namespace " + namespace
                            + " does not unwrap with this master key (wrong master key, or the row was moved)",
                    e);
        }
    }
}
