package io.maestro.conductor.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonDiff;
import io.maestro.conductor.registry.cache.MapRefresher;
import io.maestro.conductor.registry.graph.DependentsIndex;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.InstanceState;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.receipt.ReceiptChain;
import io.maestro.conductor.registry.secret.SecretVault;
import io.maestro.conductor.registry.store.InstanceStore;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.validation.ConfigValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Install, update and uninstall; {@link ChangeRequests} applies approved ones through the same steps. Each change is one SQL transaction holding the tenant's chain lock, the
 * existence and config-version checks, the row change and its receipt; the Hazelcast entries are
 * refreshed from SQL only after the commit. Validation (schema, secret references) runs first, so a
 * refused change writes nothing.
 */
final class AdapterLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterLifecycle.class);

    private final Registry registry;
    private final TransactionTemplate tx;
    private final InstanceStore instances;
    private final ReceiptChain receipts;
    private final ConfigValidator validator;
    private final SecretVault vault;
    private final MapRefresher refresher;
    private final DependentsIndex dependents;
    private final Clock clock;

    AdapterLifecycle(
            Registry registry,
            TransactionTemplate tx,
            InstanceStore instances,
            ReceiptChain receipts,
            ConfigValidator validator,
            SecretVault vault,
            MapRefresher refresher,
            DependentsIndex dependents,
            Clock clock) {
        this.registry = registry;
        this.tx = tx;
        this.instances = instances;
        this.receipts = receipts;
        this.validator = validator;
        this.vault = vault;
        this.refresher = refresher;
        this.dependents = dependents;
        this.clock = clock;
    }

    AdapterInstance install(Actor actor, String tenant, String environment, String name, InstallRequest request) {
        AdapterInstance created = prepareInstall(tenant, environment, name, request);
        return commit(actor, tenant, () -> installInTransaction(created));
    }

    AdapterInstance update(Actor actor, String tenant, String environment, String name, UpdateRequest request) {
        Prepared prepared = prepareUpdate(tenant, environment, name, request);
        return commit(actor, tenant, () -> updateInTransaction(prepared, request.expectedConfigVersion()));
    }

    void uninstall(Actor actor, String tenant, String environment, String name) {
        registry.requireEnvironment(tenant, environment);
        commit(actor, tenant, () -> uninstallInTransaction(tenant, environment, name));
    }

    /** Validates an install (schema, secret references, region) and builds the instance it would create. */
    AdapterInstance prepareInstall(String tenant, String environment, String name, InstallRequest request) {
        registry.requireEnvironment(tenant, environment);
        Names.require(Names.INSTANCE, "instance name", name);
        AdapterDefinition definition = registry.definition(request.definition(), request.definitionVersion());
        requireRegion(definition, request.region());
        checkConfig(tenant, environment, definition, request.config());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new AdapterInstance(
                tenant,
                environment,
                name,
                definition.name(),
                definition.version(),
                definition.category(),
                request.config().deepCopy(),
                request.region(),
                InstanceState.ACTIVE,
                1,
                now,
                now);
    }

    /** An update checked against the instance as the cache shows it; the transaction re-checks the version. */
    record Prepared(
            AdapterInstance current,
            AdapterDefinition definition,
            UpdateRequest request,
            String region,
            InstanceState state) {}

    /** Validates an update against the definition version it moves to (the current one unless it names another). */
    Prepared prepareUpdate(String tenant, String environment, String name, UpdateRequest request) {
        AdapterInstance current = registry.requireInstance(tenant, environment, name);
        AdapterDefinition definition = registry.definition(
                current.definitionName(),
                request.definitionVersion() == null ? current.definitionVersion() : request.definitionVersion());
        String region = request.region() == null ? current.region() : request.region();
        requireRegion(definition, region);
        checkConfig(tenant, environment, definition, request.config());
        InstanceState state = request.state() == null ? current.state() : request.state();
        return new Prepared(current, definition, request, region, state);
    }

    /**
     * What one lifecycle transaction did: the instance as it now is (or was, when removed), the receipt action and
     * the JSON Patch of its document; {@code patch} is null when nothing changed.
     */
    record Change(AdapterInstance instance, ReceiptAction action, JsonNode patch) {}

    /** Inside a transaction that holds the tenant's chain lock. */
    Change installInTransaction(AdapterInstance created) {
        if (instances
                .find(created.tenant(), created.environment(), created.name())
                .isPresent()) {
            throw new RegistryException(
                    ErrorCode.ADAPTER_ALREADY_INSTALLED,
                    "instance '" + created.name() + "' is already installed for tenant '" + created.tenant() + "' in '"
                            + created.environment() + "'");
        }
        instances.insert(created);
        return new Change(
                created, ReceiptAction.INSTALL, JsonDiff.asJson(Json.MAPPER.createObjectNode(), document(created)));
    }

    /** Inside a transaction that holds the tenant's chain lock. */
    Change updateInTransaction(Prepared prepared, long expectedConfigVersion) {
        AdapterInstance current = prepared.current();
        String tenant = current.tenant();
        String environment = current.environment();
        String name = current.name();
        AdapterInstance stored =
                instances.find(tenant, environment, name).orElseThrow(() -> notInstalled(tenant, environment, name));
        if (stored.configVersion() != expectedConfigVersion) {
            throw new RegistryException(
                    ErrorCode.CONFIG_VERSION_CONFLICT,
                    "instance '" + name + "' of tenant '"
                            + tenant + "' in '" + environment + "' is at config version " + stored.configVersion()
                            + ", not " + expectedConfigVersion + "; re-read it and apply your change again");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AdapterInstance next = new AdapterInstance(
                tenant,
                environment,
                name,
                stored.definitionName(),
                prepared.definition().version(),
                stored.category(),
                prepared.request().config().deepCopy(),
                prepared.region(),
                prepared.state(),
                stored.configVersion() + 1,
                stored.createdAt(),
                now);
        JsonNode patch = JsonDiff.asJson(document(stored), document(next));
        if (patch.isEmpty()) {
            return new Change(stored, ReceiptAction.UPDATE, null);
        }
        instances.update(next, stored.configVersion());
        return new Change(next, ReceiptAction.UPDATE, patch);
    }

    /** Inside a transaction that holds the tenant's chain lock. */
    Change uninstallInTransaction(String tenant, String environment, String name) {
        AdapterInstance removed =
                instances.find(tenant, environment, name).orElseThrow(() -> notInstalled(tenant, environment, name));
        instances.delete(tenant, environment, name);
        return new Change(
                removed, ReceiptAction.UNINSTALL, JsonDiff.asJson(document(removed), Json.MAPPER.createObjectNode()));
    }

    /** One transaction: the tenant's chain lock, the change and (when something changed) its receipt. */
    private AdapterInstance commit(Actor actor, String tenant, Supplier<Change> work) {
        Applied applied = tx.execute(status -> {
            ReceiptChain.Head head = receipts.lock(tenant);
            Change change = work.get();
            return new Applied(
                    change.instance(),
                    change.patch() == null
                            ? null
                            : receipts.append(
                                    head,
                                    change.instance().environment(),
                                    actor.id(),
                                    change.action(),
                                    change.instance().name(),
                                    change.patch()));
        });
        if (applied.receipt() != null) {
            afterCommit(applied.instance(), applied.receipt());
        }
        return applied.instance();
    }

    private record Applied(AdapterInstance instance, Receipt receipt) {}

    private void checkConfig(String tenant, String environment, AdapterDefinition definition, JsonNode config) {
        List<ConfigValidator.SecretReference> references = validator.validate(definition, config);
        List<Violation> missing = references.stream()
                .filter(ref -> !vault.exists(tenant, environment, ref.name()))
                .map(ref -> new Violation(
                        ref.pointer(),
                        "secret '" + ref.name() + "' not found in namespace " + tenant + "/" + environment))
                .toList();
        if (!missing.isEmpty()) {
            throw new RegistryException(
                    ErrorCode.SECRET_NOT_FOUND,
                    missing.size() + " referenced secret(s) not found in " + tenant + "/" + environment,
                    missing);
        }
    }

    private static void requireRegion(AdapterDefinition definition, String region) {
        if (region == null || !definition.supportedRegions().contains(region)) {
            throw new RegistryException(
                    ErrorCode.REGION_NOT_SUPPORTED,
                    definition.coordinates() + " supports regions " + definition.supportedRegions() + ", not '" + region
                            + "'");
        }
    }

    /** What a receipt's change set diffs: the instance as installed, secrets as references only. */
    private static ObjectNode document(AdapterInstance instance) {
        ObjectNode doc = Json.MAPPER
                .createObjectNode()
                .put("definition", instance.definitionCoordinates())
                .put("region", instance.region())
                .put("state", instance.state().name());
        doc.set("config", instance.config());
        return doc;
    }

    Registry registry() {
        return registry;
    }

    /** Refreshes the cache from SQL once a change has committed, and logs it. */
    void afterCommit(AdapterInstance instance, Receipt receipt) {
        refresher.instances(instance.tenant(), instance.environment());
        refresher.instanceNames(instance.definitionName());
        dependents.recompute(instance.definitionName());
        LOG.info(
                "adapter {} tenant={} env={} instance={} definition={} configVersion={} actor={} receipt={} seq={}",
                receipt.action().name().toLowerCase(),
                instance.tenant(),
                instance.environment(),
                instance.name(),
                instance.definitionCoordinates(),
                instance.configVersion(),
                receipt.actor(),
                receipt.id(),
                receipt.seq());
    }

    static RegistryException notInstalled(String tenant, String environment, String name) {
        return new RegistryException(
                ErrorCode.ADAPTER_NOT_INSTALLED,
                "tenant '" + tenant + "' has no instance '" + name + "' in environment '" + environment + "'");
    }
}
