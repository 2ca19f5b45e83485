package io.maestro.conductor.registry.secret;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.receipt.ReceiptChain;
import io.maestro.conductor.registry.store.Sql;
import io.maestro.conductor.registry.store.TenantStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Secrets per tenant+environment namespace, encrypted at rest (Tink AES-256-GCM, envelope encryption
 * under the master key). The associated data of each value is {@code tenant/env/name}, so a row copied
 * to another namespace or name fails to decrypt. Every read is audited in SQL and logged; values are
 * never logged.
 *
 * <p>Every create, rotation and delete appends a provenance receipt to the tenant's chain in the same transaction
 * as the change (subject {@code secret:<name>}, change set {@code {secret, valueVersion}}), so a secret cannot change
 * without a trace, and the trace never holds the value.
 */
public final class SecretVault {

    /** How config refers to a secret: {@code secret:<name>}. */
    public static final String REFERENCE_PREFIX = "secret:";

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /**
     * A secret is a credential (a key, a token, a service-account JSON, a PEM chain: a few KiB); bounded so a tenant
     * user cannot park megabytes in the vault under the request body limit.
     */
    public static final int MAX_VALUE_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SecretVault.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TenantStore tenants;
    private final NamespaceKeys keys;
    private final ReceiptChain receipts;
    private final Clock clock;

    public SecretVault(JdbcTemplate jdbc, TransactionTemplate tx, MasterKeySource masterKey, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.tenants = new TenantStore(jdbc);
        this.keys = new NamespaceKeys(jdbc, masterKey.aead(), clock);
        this.receipts = new ReceiptChain(jdbc, clock);
        this.clock = clock;
    }

    /**
     * Creates or replaces a secret, with its receipt ({@link ReceiptAction#SECRET_CREATED} or
     * {@link ReceiptAction#SECRET_ROTATED}).
     *
     * @return the receipt of the write
     */
    public Receipt put(Actor actor, String tenant, String environment, String name, String value) {
        requireWritable(tenant, environment, name, value);
        Aead aead = keys.forWriting(tenant, environment);
        String ciphertext = encrypt(aead, value, tenant, environment, name);
        Receipt receipt = tx.execute(status -> {
            ReceiptChain.Head head = receipts.lock(tenant);
            Optional<Integer> current = valueVersion(tenant, environment, name);
            int version = current.map(v -> v + 1).orElse(1);
            if (current.isPresent()) {
                jdbc.update(
                        "UPDATE secret SET ciphertext = ?, value_version = ?, updated_at = ? "
                                + "WHERE tenant_id = ? AND environment = ? AND name = ?",
                        ciphertext,
                        version,
                        Sql.timestamp(clock.instant()),
                        tenant,
                        environment,
                        name);
            } else {
                jdbc.update(
                        "INSERT INTO secret (tenant_id, environment, name, ciphertext, value_version, created_at, "
                                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        tenant,
                        environment,
                        name,
                        ciphertext,
                        version,
                        Sql.timestamp(clock.instant()),
                        Sql.timestamp(clock.instant()));
            }
            return receipts.append(
                    head,
                    environment,
                    actor.id(),
                    current.isPresent() ? ReceiptAction.SECRET_ROTATED : ReceiptAction.SECRET_CREATED,
                    REFERENCE_PREFIX + name,
                    changeSet(name, version));
        });
        LOG.info(
                "secret written tenant={} namespace={}/{} secret={} value_version={} actor={} receipt_id={}",
                tenant,
                tenant,
                environment,
                name,
                receipt.changeSet().path("valueVersion").asInt(),
                actor.id(),
                receipt.id());
        return receipt;
    }

    /**
     * What {@link #put} refuses before writing anything (unknown namespace, a name outside {@link #NAME}, a value over
     * {@link #MAX_VALUE_BYTES}), for a caller that must refuse before it asks anyone else (the lifecycle gate).
     */
    public void requireWritable(String tenant, String environment, String name, String value) {
        requireNamespace(tenant, environment);
        if (!NAME.matcher(name).matches()) {
            throw new RegistryException(ErrorCode.NAME_INVALID, "secret name must match " + NAME.pattern());
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new RegistryException(
                    ErrorCode.SECRET_VALUE_TOO_LARGE,
                    "a secret value may be at most " + MAX_VALUE_BYTES + " bytes (UTF-8)");
        }
    }

    /**
     * {@link #put} for reconcilers that set the same value at every start (tenant config's {@code fromEnv}, the
     * demo): a secret that holds {@code value} already is left alone, so a restart writes and receipts nothing.
     * Comparing decrypts the current value, a read audited under {@code purpose}. (The API's PUT uses {@link #put}:
     * each accepted write there is a rotation with its receipt.)
     *
     * @return the receipt of the write, or empty when the secret held the value already
     */
    public Optional<Receipt> putIfChanged(
            Actor actor, String tenant, String environment, String name, String value, String purpose) {
        if (exists(tenant, environment, name)
                && read(actor, tenant, environment, name, purpose).reveal().equals(value)) {
            return Optional.empty();
        }
        return Optional.of(put(actor, tenant, environment, name, value));
    }

    /** Decrypts a secret; audited whether or not it exists. Another tenant's secret is simply not found. */
    public SecretValue read(Actor actor, String tenant, String environment, String name, String purpose) {
        Optional<String> ciphertext = jdbc
                .queryForList(
                        "SELECT ciphertext FROM secret " + "WHERE tenant_id = ? AND environment = ? AND name = ?",
                        String.class,
                        tenant,
                        environment,
                        name)
                .stream()
                .findFirst();
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
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM secret WHERE tenant_id = ? AND environment = ? AND name = ?",
                        Integer.class,
                        tenant,
                        environment,
                        name)
                > 0;
    }

    public List<String> names(String tenant, String environment) {
        return jdbc.queryForList(
                "SELECT name FROM secret WHERE tenant_id = ? AND environment = ? ORDER BY name",
                String.class,
                tenant,
                environment);
    }

    /** Deletes a secret, with its receipt ({@link ReceiptAction#SECRET_DELETED}, naming the last value version). */
    public Receipt delete(Actor actor, String tenant, String environment, String name) {
        requireNamespace(tenant, environment);
        Receipt receipt = tx.execute(status -> {
            ReceiptChain.Head head = receipts.lock(tenant);
            int version =
                    valueVersion(tenant, environment, name).orElseThrow(() -> notFound(tenant, environment, name));
            jdbc.update(
                    "DELETE FROM secret WHERE tenant_id = ? AND environment = ? AND name = ?",
                    tenant,
                    environment,
                    name);
            return receipts.append(
                    head,
                    environment,
                    actor.id(),
                    ReceiptAction.SECRET_DELETED,
                    REFERENCE_PREFIX + name,
                    changeSet(name, version));
        });
        LOG.info(
                "secret deleted tenant={} namespace={}/{} secret={} actor={} receipt_id={}",
                tenant,
                tenant,
                environment,
                name,
                actor.id(),
                receipt.id());
        return receipt;
    }

    private Optional<Integer> valueVersion(String tenant, String environment, String name) {
        return jdbc
                .queryForList(
                        "SELECT value_version FROM secret WHERE tenant_id = ? AND environment = ? AND name = ?",
                        Integer.class,
                        tenant,
                        environment,
                        name)
                .stream()
                .findFirst();
    }

    private static ObjectNode changeSet(String name, int version) {
        return JsonNodeFactory.instance.objectNode().put("secret", name).put("valueVersion", version);
    }

    /** Audit rows of a tenant, newest first: who read which secret, why, and the outcome. */
    public List<SecretAccess> accessLog(String tenant, int limit) {
        return jdbc.query(
                "SELECT * FROM secret_access_audit WHERE tenant_id = ? ORDER BY id DESC LIMIT ?",
                (rs, n) -> new SecretAccess(
                        rs.getString("tenant_id"),
                        rs.getString("environment"),
                        rs.getString("secret_name"),
                        rs.getString("actor"),
                        rs.getString("purpose"),
                        rs.getString("outcome"),
                        Sql.instant(rs, "accessed_at")),
                tenant,
                limit);
    }

    private void audit(Actor actor, String tenant, String environment, String name, String purpose, String outcome) {
        jdbc.update(
                "INSERT INTO secret_access_audit (tenant_id, environment, secret_name, actor, purpose, outcome, "
                        + "accessed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                tenant,
                environment,
                name,
                actor.id(),
                purpose,
                outcome,
                Sql.timestamp(clock.instant()));
        LOG.info(
                "secret read tenant={} namespace={}/{} secret={} actor={} purpose={} outcome={}",
                tenant,
                tenant,
                environment,
                name,
                actor.id(),
                purpose,
                outcome);
    }

    private void requireNamespace(String tenant, String environment) {
        var found = tenants.find(tenant)
                .orElseThrow(
                        () -> new RegistryException(ErrorCode.TENANT_NOT_FOUND, "tenant '" + tenant + "' not found"));
        if (!found.hasEnvironment(environment)) {
            throw new RegistryException(
                    ErrorCode.ENVIRONMENT_NOT_FOUND,
                    "tenant '" + tenant + "' has no environment '" + environment + "'");
        }
    }

    private static RegistryException notFound(String tenant, String environment, String name) {
        return new RegistryException(
                ErrorCode.SECRET_NOT_FOUND,
                "secret '" + name + "' not found in namespace " + tenant + "/" + environment);
    }

    private static byte[] associatedData(String tenant, String environment, String name) {
        return (tenant + "/" + environment + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static String encrypt(Aead aead, String value, String tenant, String environment, String name) {
        try {
            return Base64.getEncoder()
                    .encodeToString(aead.encrypt(
                            value.getBytes(StandardCharsets.UTF_8), associatedData(tenant, environment, name)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret '" + name + "'", e);
        }
    }

    private static String decrypt(Aead aead, String ciphertext, String tenant, String environment, String name) {
        try {
            return new String(
                    aead.decrypt(Base64.getDecoder().decode(ciphertext), associatedData(tenant, environment, name)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "secret '" + name + "' of namespace " + tenant + "/" + environment
                            + " does not decrypt (moved from another namespace, or tampered)",
                    e);
        }
    }
}
