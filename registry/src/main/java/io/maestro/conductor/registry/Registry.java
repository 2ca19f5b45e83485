package io.maestro.conductor.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.maestro.conductor.registry.cache.DefinitionVersions;
import io.maestro.conductor.registry.cache.InstanceSet;
import io.maestro.conductor.registry.cache.MapRefresher;
import io.maestro.conductor.registry.cache.RegistryMaps;
import io.maestro.conductor.registry.change.ChangeRequestStore;
import io.maestro.conductor.registry.config.DefinitionCatalog;
import io.maestro.conductor.registry.config.LoadReport;
import io.maestro.conductor.registry.config.TenantConfigLoader;
import io.maestro.conductor.registry.graph.DependentsIndex;
import io.maestro.conductor.registry.graph.OperationCatalog;
import io.maestro.conductor.registry.graph.RouteEndpoints;
import io.maestro.conductor.registry.graph.WorkflowDependent;
import io.maestro.conductor.registry.graph.WorkflowFinding;
import io.maestro.conductor.registry.graph.WorkflowValidator;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.AdapterType;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.receipt.ReceiptChain;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.registry.secret.SecretVault;
import io.maestro.conductor.registry.store.DefinitionStore;
import io.maestro.conductor.registry.store.InstanceStore;
import io.maestro.conductor.registry.store.RegistrySchema;
import io.maestro.conductor.registry.store.TenantStore;
import io.maestro.conductor.registry.validation.ConfigValidator;
import io.maestro.conductor.registry.validation.DestinationMarks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The adapter registry: tenants and environments, adapter definitions and installed instances, secrets
 * and provenance receipts. SQL is the system of record; reads are served from Hazelcast maps loaded from
 * it. Every call names tenant and environment explicitly; another tenant's data is simply not found.
 */
public final class Registry {

    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

    private final IMap<String, Tenant> tenants;
    private final IMap<String, DefinitionVersions> definitions;
    private final IMap<String, InstanceSet> instances;
    private final TenantStore tenantStore;
    private final DefinitionStore definitionStore;
    private final TransactionTemplate tx;
    private final MapRefresher refresher;
    private final DependentsIndex dependentsIndex;
    private final SecretVault secrets;
    private final ReceiptLedger receipts;
    private final AdapterLifecycle lifecycle;
    private final ChangeRequests changeRequests;
    private final Clock clock;

    private Registry(RegistryConfig config) {
        HazelcastInstance hz = config.hazelcast();
        JdbcTemplate jdbc = new JdbcTemplate(config.dataSource());
        this.clock = config.clock();
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(config.dataSource()));
        this.tenantStore = new TenantStore(jdbc);
        this.definitionStore = new DefinitionStore(jdbc);
        InstanceStore instanceStore = new InstanceStore(jdbc);
        this.tenants = hz.getMap(RegistryMaps.TENANTS);
        this.definitions = hz.getMap(RegistryMaps.DEFINITIONS);
        this.instances = hz.getMap(RegistryMaps.INSTANCES);
        this.refresher = new MapRefresher(hz, tenantStore, definitionStore, instanceStore);
        this.dependentsIndex = new DependentsIndex(
                hz.getMap(RegistryMaps.ROUTES),
                hz.getMap(RegistryMaps.DEPENDENTS),
                hz.getMap(RegistryMaps.INSTANCE_NAMES),
                definitions);
        this.secrets = new SecretVault(jdbc, tx, config.masterKey(), clock);
        this.receipts = new ReceiptLedger(config.dataSource(), clock);
        this.lifecycle = new AdapterLifecycle(
                this,
                tx,
                instanceStore,
                new ReceiptChain(jdbc, clock),
                new ConfigValidator(),
                secrets,
                refresher,
                dependentsIndex,
                clock);
        this.changeRequests = new ChangeRequests(
                lifecycle, tx, new ChangeRequestStore(jdbc), instanceStore, new ReceiptChain(jdbc, clock), clock);
    }

    /**
     * Migrates the schema, fills the maps from SQL (eager loaders) and publishes the adapter definitions
     * found on the classpath ({@value DefinitionCatalog#CLASSPATH_RESOURCE}).
     *
     * @throws IllegalStateException when the Hazelcast member was not configured with {@link RegistryMaps#configure}
     */
    public static Registry open(RegistryConfig config) {
        if (!RegistryMaps.isConfigured(config.hazelcast().getConfig())) {
            throw new IllegalStateException("the Hazelcast member's config lacks the registry maps: "
                    + "call RegistryMaps.configure(config, dataSource) before starting it");
        }
        RegistrySchema.migrate(config.dataSource());
        Registry registry = new Registry(config);
        DefinitionCatalog.fromClasspath().forEach(registry::publishDefinition);
        LOG.info("registry open: {} tenants, {} definitions", registry.tenants.size(), registry.definitions.size());
        return registry;
    }

    // ---- tenants and environments

    public List<Tenant> tenants() {
        List<Tenant> all = new ArrayList<>(tenants.values());
        all.sort(Comparator.comparing(Tenant::id));
        return all;
    }

    public Optional<Tenant> tenant(String id) {
        return Optional.ofNullable(tenants.get(id));
    }

    /**
     * Creates the tenant, or adds environments and updates name and kind; never removes an environment.
     *
     * @return whether anything changed
     */
    public boolean ensureTenant(Tenant wanted) {
        Names.require(Names.TENANT, "tenant id", wanted.id());
        wanted.environments().forEach(env -> Names.require(Names.ENVIRONMENT, "environment", env));
        Boolean changed = tx.execute(status -> {
            Optional<Tenant> existing = tenantStore.find(wanted.id());
            if (existing.isEmpty()) {
                tenantStore.insert(wanted, clock.instant());
                return true;
            }
            boolean any = false;
            if (!existing.get().name().equals(wanted.name()) || existing.get().kind() != wanted.kind()) {
                tenantStore.updateProfile(wanted.id(), wanted.name(), wanted.kind());
                any = true;
            }
            for (String env : wanted.environments()) {
                if (!existing.get().hasEnvironment(env)) {
                    tenantStore.insertEnvironment(wanted.id(), env, clock.instant());
                    any = true;
                }
            }
            return any;
        });
        if (Boolean.TRUE.equals(changed)) {
            refresher.tenant(wanted.id());
            LOG.info(
                    "tenant saved tenant={} kind={} environments={}",
                    wanted.id(),
                    wanted.kind().id(),
                    wanted.environments());
        }
        return Boolean.TRUE.equals(changed);
    }

    // ---- definitions

    public List<AdapterType> adapterTypes() {
        return definitionStore.adapterTypes();
    }

    /** The newest version of every definition. */
    public List<AdapterDefinition> definitions() {
        List<AdapterDefinition> newest = new ArrayList<>();
        definitions.values().forEach(v -> newest.add(v.newest()));
        newest.sort(Comparator.comparing(AdapterDefinition::name));
        return newest;
    }

    public List<AdapterDefinition> definitionVersions(String name) {
        DefinitionVersions versions = definitions.get(name);
        return versions == null ? List.of() : versions.versions();
    }

    /** A definition at {@code version}, or its newest version when {@code version} is null. */
    public AdapterDefinition definition(String name, String version) {
        DefinitionVersions versions = name == null ? null : definitions.get(name);
        if (versions == null) {
            throw new RegistryException(ErrorCode.DEFINITION_NOT_FOUND, "no adapter definition '" + name + "'");
        }
        return version == null
                ? versions.newest()
                : versions.version(version)
                        .orElseThrow(() -> new RegistryException(
                                ErrorCode.DEFINITION_NOT_FOUND,
                                "adapter definition '" + name + "' has no version " + version));
    }

    /**
     * Stores a definition version. Versions are immutable: the same content again is a no-op, different
     * content under a stored version is refused.
     *
     * @return whether it was new
     */
    public boolean publishDefinition(AdapterDefinition definition) {
        DefinitionCatalog.check(definition);
        Optional<AdapterDefinition> stored = definitionStore.find(definition.name(), definition.version());
        if (stored.isPresent()) {
            if (stored.get().equals(definition)) {
                return false;
            }
            Optional<JsonNode> marked = DestinationMarks.merged(stored.get().configSchema(), definition.configSchema());
            if (marked.isEmpty()
                    || !withSchema(stored.get(), marked.get()).equals(withSchema(definition, marked.get()))) {
                throw new RegistryException(
                        ErrorCode.TENANT_CONFIG_INVALID,
                        "adapter definition " + definition.coordinates()
                                + " is already published with other content; publish a new version");
            }
            // Same version, same rules: only destination marks the stored copy lacked (published before the SPI
            // marked them). They change no config's validity, only which keys the hub's allowlist governs.
            if (!marked.get().equals(stored.get().configSchema())) {
                definitionStore.updateConfigSchema(definition.name(), definition.version(), marked.get());
                refresher.definition(definition.name());
                LOG.info("adapter definition destination marks added definition={}", definition.coordinates());
            }
            return false;
        }
        definitionStore.insert(definition, clock.instant());
        refresher.definition(definition.name());
        dependentsIndex.recompute(definition.name());
        LOG.info(
                "adapter definition published definition={} category={}",
                definition.coordinates(),
                definition.category().id());
        return true;
    }

    private static AdapterDefinition withSchema(AdapterDefinition d, JsonNode configSchema) {
        return new AdapterDefinition(
                d.name(),
                d.version(),
                d.category(),
                d.owner(),
                d.description(),
                d.risk(),
                configSchema,
                d.supportedRegions(),
                d.capabilities());
    }

    // ---- instances

    /** The installed instances of a tenant+environment, from the pre-joined map (one get, no SQL). */
    public List<AdapterInstance> instances(String tenant, String environment) {
        requireEnvironment(tenant, environment);
        InstanceSet set = instances.get(RegistryMaps.namespace(tenant, environment));
        return set == null ? List.of() : set.list();
    }

    /**
     * One installed instance.
     *
     * @throws RegistryException {@code TENANT_NOT_FOUND}, {@code ENVIRONMENT_NOT_FOUND}, or
     *                           {@code ADAPTER_NOT_INSTALLED} (also for another tenant's instance)
     */
    public AdapterInstance requireInstance(String tenant, String environment, String name) {
        requireEnvironment(tenant, environment);
        return instance(tenant, environment, name)
                .orElseThrow(() -> AdapterLifecycle.notInstalled(tenant, environment, name));
    }

    /** One instance of this tenant+environment; empty for anything else, including other tenants' instances. */
    public Optional<AdapterInstance> instance(String tenant, String environment, String name) {
        // names that could never have been stored cannot form another tenant's map key either
        if (!Names.matches(Names.TENANT, tenant) || !Names.matches(Names.ENVIRONMENT, environment) || name == null) {
            return Optional.empty();
        }
        InstanceSet set = instances.get(RegistryMaps.namespace(tenant, environment));
        return set == null ? Optional.empty() : Optional.ofNullable(set.byName().get(name));
    }

    public AdapterInstance install(
            Actor actor, String tenant, String environment, String name, InstallRequest request) {
        return lifecycle.install(actor, tenant, environment, name, request);
    }

    public AdapterInstance update(Actor actor, String tenant, String environment, String name, UpdateRequest request) {
        return lifecycle.update(actor, tenant, environment, name, request);
    }

    public void uninstall(Actor actor, String tenant, String environment, String name) {
        lifecycle.uninstall(actor, tenant, environment, name);
    }

    /** Dual control: lifecycle actions waiting for a second person's approval. */
    public ChangeRequests changeRequests() {
        return changeRequests;
    }

    // ---- graph queries

    /** Workflows that use a definition through one of its instances, from the pre-joined map. */
    public List<WorkflowDependent> dependents(String definitionName) {
        if (!definitions.containsKey(definitionName)) {
            throw new RegistryException(
                    ErrorCode.DEFINITION_NOT_FOUND, "no adapter definition '" + definitionName + "'");
        }
        return dependentsIndex.dependents(definitionName);
    }

    /** Replaces the index of workflows (route id → endpoint URIs) the dependents query answers from. */
    public void indexRoutes(Map<String, List<String>> routeEndpoints) {
        dependentsIndex.indexRoutes(routeEndpoints);
        LOG.info("routes indexed: {}", routeEndpoints.size());
    }

    /**
     * Which endpoints of a Camel YAML workflow name an operation their adapter lacks (per {@code operations}) or
     * adapters this tenant+environment lacks, and why.
     */
    public List<WorkflowFinding> validateWorkflow(
            String tenant, String environment, String routeYaml, OperationCatalog operations) {
        return validateEndpoints(tenant, environment, RouteEndpoints.of(routeYaml), operations);
    }

    public List<WorkflowFinding> validateEndpoints(
            String tenant, String environment, List<String> endpointUris, OperationCatalog operations) {
        requireEnvironment(tenant, environment);
        InstanceSet set = instances.get(RegistryMaps.namespace(tenant, environment));
        return WorkflowValidator.check(
                tenant, environment, set == null ? InstanceSet.of(List.of()) : set, endpointUris, operations);
    }

    // ---- secrets, receipts, config

    public SecretVault secrets() {
        return secrets;
    }

    public ReceiptLedger receipts() {
        return receipts;
    }

    /** Loads tenant YAML files and definitions from a directory (format: tenant-config/README.md). Idempotent. */
    public LoadReport loadTenantConfig(Path dir) {
        return new TenantConfigLoader(this).load(dir);
    }

    /**
     * Like {@link #loadTenantConfig(Path)}, reading {@code fromEnv} secrets and {@code ${NAME}} placeholders from
     * {@code variables} instead of the process environment.
     */
    public LoadReport loadTenantConfig(Path dir, Function<String, String> variables) {
        return new TenantConfigLoader(this, variables).load(dir);
    }

    /** Throws {@code TENANT_NOT_FOUND} or {@code ENVIRONMENT_NOT_FOUND} unless the tenant has the environment. */
    public void requireEnvironment(String tenant, String environment) {
        Tenant found = tenant == null ? null : tenants.get(tenant);
        if (found == null) {
            throw new RegistryException(ErrorCode.TENANT_NOT_FOUND, "tenant '" + tenant + "' not found");
        }
        if (!found.hasEnvironment(environment)) {
            throw new RegistryException(
                    ErrorCode.ENVIRONMENT_NOT_FOUND,
                    "tenant '" + tenant + "' has no environment '" + environment + "'");
        }
    }
}
