package io.maestro.conductor.registry.secret;

import com.google.crypto.tink.Aead;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.store.Sql;
import io.maestro.conductor.registry.store.TenantStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets per tenant+environment namespace, encrypted at rest (Tink AES-256-GCM, envelope encryption
 * under the master key). The associated data of each value is {@code tenant/env/name}, so a row copied
 * to another namespace or name fails to decrypt. Every read is audited in SQL and logged; values are
 * never logged.
 */
public final class SecretVault {

    /** How config refers to a secret: {@code secret:<name>}. */
    public static final String REFERENCE_PREFIX = "secret:";
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private static final Logger LOG = LoggerFactory.getLogger(SecretVault.class);

    private final JdbcTemplate jdbc;
    private final TenantStore tenants;
    private final NamespaceKeys keys;
    private final Clock clock;

    public SecretVault(JdbcTemplate jdbc, MasterKeySource masterKey, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = new TenantStore(jdbc);
        this.keys = new NamespaceKeys(jdbc, masterKey.aead(), clock);
        this.clock = clock;
    }

    /** Creates or replaces a secret. */
    public void put(Actor actor, String tenant, String environment, String name, String value) {
        requireNamespace(tenant, environment);
        if (!NAME.matcher(name).matches()) {
            throw new RegistryException(ErrorCode.NAME_INVALID,
                    "secret name must match " + NAME.pattern());
        }
        Aead aead = keys.forWriting(tenant, environment);
        String ciphertext = encrypt(aead, value, tenant, environment, name);
        int updated = jdbc.update("UPDATE secret SET ciphertext = ?, updated_at = ? "
                        + "WHERE tenant_id = ? AND environment = ? AND name = ?",
                ciphertext, Sql.timestamp(clock.instant()), tenant, environment, name);
        if (updated == 0) {
            jdbc.update("INSERT INTO secret (tenant_id, environment, name, ciphertext, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", tenant, environment, name, ciphertext,
                    Sql.timestamp(clock.instant()), Sql.timestamp(clock.instant()));
        }
        LOG.info("secret written tenant={} namespace={}/{} secret={} actor={}", tenant, tenant, environment, name,
                actor.id());
    }

    /** Decrypts a secret; audited whether or not it exists. Another tenant's secret is simply not found. */
    public SecretValue read(Actor actor, String tenant, String environment, String name, String purpose) {
        Optional<String> ciphertext = jdbc.queryForList("SELECT ciphertext FROM secret "
                        + "WHERE tenant_id = ? AND environment = ? AND name = ?", String.class, tenant, environment, name)
                .stream().findFirst();
        audit(actor, tenant, environment, name, purpose, ciphertext.isPresent() ? "GRANTED" : "NOT_FOUND");
        if (ciphertext.isEmpty()) {
            throw notFound(tenant, environment, name);
        }
        Aead aead = keys.find(tenant, environment).orElseThrow(() -> notFound(tenant, environment, name));
        return new SecretValue(decrypt(aead, ciphertext.get(), tenant, environment, name));
    }

    /** Resolves a {@code secret:<name>} reference from a config. */
    public SecretValue resolve(Actor actor, String tenant, String environment, String reference, String purpose) {
        if (reference == null || !reference.startsWith(REFERENCE_PREFIX)) {
            throw new RegistryException(ErrorCode.SECRET_NOT_FOUND, "not a secret reference (expected secret:<name>)");
        }
        return read(actor, tenant, environment, reference.substring(REFERENCE_PREFIX.length()), purpose);
    }

    /** Whether the secret exists; reads no value, so it is not audited. */
    public boolean exists(String tenant, String environment, String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM secret WHERE tenant_id = ? AND environment = ? AND name = ?",
                Integer.class, tenant, environment, name) > 0;
    }

    public List<String> names(String tenant, String environment) {
        return jdbc.queryForList("SELECT name FROM secret WHERE tenant_id = ? AND environment = ? ORDER BY name",
                String.class, tenant, environment);
    }

    public void delete(Actor actor, String tenant, String environment, String name) {
        if (jdbc.update("DELETE FROM secret WHERE tenant_id = ? AND environment = ? AND name = ?",
                tenant, environment, name) == 0) {
            throw notFound(tenant, environment, name);
        }
        LOG.info("secret deleted tenant={} namespace={}/{} secret={} actor={}", tenant, tenant, environment, name,
                actor.id());
    }

    /** Audit rows of a tenant, newest first: who read which secret, why, and the outcome. */
    public List<SecretAccess> accessLog(String tenant, int limit) {
        return jdbc.query("SELECT * FROM secret_access_audit WHERE tenant_id = ? ORDER BY id DESC LIMIT ?",
                (rs, n) -> new SecretAccess(rs.getString("tenant_id"), rs.getString("environment"),
                        rs.getString("secret_name"), rs.getString("actor"), rs.getString("purpose"),
                        rs.getString("outcome"), Sql.instant(rs, "accessed_at")), tenant, limit);
    }

    private void audit(Actor actor, String tenant, String environment, String name, String purpose, String outcome) {
        jdbc.update("INSERT INTO secret_access_audit (tenant_id, environment, secret_name, actor, purpose, outcome, "
                        + "accessed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", tenant, environment, name, actor.id(), purpose,
                outcome, Sql.timestamp(clock.instant()));
        LOG.info("secret read tenant={} namespace={}/{} secret={} actor={} purpose={} outcome={}", tenant, tenant,
                environment, name, actor.id(), purpose, outcome);
    }

    private void requireNamespace(String tenant, String environment) {
        var found = tenants.find(tenant)
                .orElseThrow(() -> new RegistryException(ErrorCode.TENANT_NOT_FOUND, "tenant '" + tenant + "' not found"));
        if (!found.hasEnvironment(environment)) {
            throw new RegistryException(ErrorCode.ENVIRONMENT_NOT_FOUND,
                    "tenant '" + tenant + "' has no environment '" + environment + "'");
        }
    }

    private static RegistryException notFound(String tenant, String environment, String name) {
        return new RegistryException(ErrorCode.SECRET_NOT_FOUND,
                "secret '" + name + "' not found in namespace " + tenant + "/" + environment);
    }

    private static byte[] associatedData(String tenant, String environment, String name) {
        return (tenant + "/" + environment + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static String encrypt(Aead aead, String value, String tenant, String environment, String name) {
        try {
            return Base64.getEncoder().encodeToString(aead.encrypt(value.getBytes(StandardCharsets.UTF_8),
                    associatedData(tenant, environment, name)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret '" + name + "'", e);
        }
    }

    private static String decrypt(Aead aead, String ciphertext, String tenant, String environment, String name) {
        try {
            return new String(aead.decrypt(Base64.getDecoder().decode(ciphertext),
                    associatedData(tenant, environment, name)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret '" + name + "' of namespace " + tenant + "/" + environment
                    + " does not decrypt (moved from another namespace, or tampered)", e);
        }
    }
}
