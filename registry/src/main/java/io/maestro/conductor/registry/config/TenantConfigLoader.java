package io.maestro.conductor.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.model.TenantKind;
import io.maestro.conductor.registry.secret.RandomSecret;
import io.maestro.conductor.registry.secret.SecretVault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the registry in line with a tenant-config directory (format: tenant-config/README.md):
 * {@code definitions/*.yaml} first, then one tenant per {@code *.yaml}. Only missing or different things
 * are written, so loading the same files twice changes nothing and writes no receipts. Instances
 * installed through the API and absent from the files are left alone.
 */
public final class TenantConfigLoader {

    public static final Actor ACTOR = Actor.system("tenant-config");

    private static final Logger LOG = LoggerFactory.getLogger(TenantConfigLoader.class);

    private final Registry registry;
    private final Function<String, String> environmentVariables;

    public TenantConfigLoader(Registry registry) {
        this(registry, System::getenv);
    }

    /**
     * @param environmentVariables where {@code fromEnv} secrets and {@code ${NAME}} placeholders in adapter configs are
     *                             read (the process environment in production)
     */
    public TenantConfigLoader(Registry registry, Function<String, String> environmentVariables) {
        this.registry = registry;
        this.environmentVariables = environmentVariables;
    }

    public LoadReport load(Path dir) {
        int definitions = 0;
        for (Path file : yamlFiles(dir.resolve("definitions"))) {
            for (var definition :
                    DefinitionCatalog.read(open(file), file.getFileName().toString())) {
                definitions += registry.publishDefinition(definition) ? 1 : 0;
            }
        }
        Counts counts = new Counts();
        for (Path file : yamlFiles(dir)) {
            loadTenant(
                    ConfigYaml.read(open(file), file.getFileName().toString()),
                    file.getFileName().toString(),
                    counts);
        }
        LoadReport report =
                new LoadReport(definitions, counts.tenants, counts.secrets, counts.installed, counts.updated);
        LOG.info("tenant config loaded dir={} report={}", dir.getFileName(), report);
        return report;
    }

    private void loadTenant(JsonNode root, String source, Counts counts) {
        String id = ConfigYaml.text(root, "id", source);
        TenantKind kind = TenantKind.fromId(ConfigYaml.text(root, "kind", source))
                .orElseThrow(() -> ConfigYaml.invalid(source, "kind must be internal, white-label or saas"));
        JsonNode environments = root.path("environments");
        if (!environments.isObject() || environments.isEmpty()) {
            throw ConfigYaml.invalid(source, "'environments' must map at least one environment name");
        }
        List<String> envNames = new ArrayList<>();
        environments.fieldNames().forEachRemaining(envNames::add);
        if (registry.ensureTenant(new Tenant(id, ConfigYaml.text(root, "name", source), kind, envNames))) {
            counts.tenants++;
        }
        for (String env : envNames) {
            JsonNode environment = environments.get(env);
            String where = source + " environment '" + env + "'";
            for (JsonNode secret : environment.path("secrets")) {
                counts.secrets += loadSecret(id, env, secret, where) ? 1 : 0;
            }
            Iterator<Map.Entry<String, JsonNode>> adapters =
                    environment.path("adapters").fields();
            while (adapters.hasNext()) {
                Map.Entry<String, JsonNode> adapter = adapters.next();
                loadAdapter(
                        id,
                        env,
                        adapter.getKey(),
                        adapter.getValue(),
                        where + " adapter '" + adapter.getKey() + "'",
                        counts);
            }
        }
    }

    /** @return whether a value was written */
    private boolean loadSecret(String tenant, String env, JsonNode secret, String where) {
        String name = ConfigYaml.text(secret, "name", where);
        SecretVault vault = registry.secrets();
        String fromEnv = secret.path("fromEnv").asText(null);
        String envValue = fromEnv == null ? null : environmentVariables.apply(fromEnv);
        if (envValue != null) {
            return vault.putIfChanged(ACTOR, tenant, env, name, envValue, "tenant-config reconcile")
                    .isPresent();
        }
        if (vault.exists(tenant, env, name)) {
            return false;
        }
        if (secret.path("generate").asBoolean(false)) {
            vault.put(ACTOR, tenant, env, name, RandomSecret.ofBytes(32));
            return true;
        }
        throw new RegistryException(
                ErrorCode.SECRET_SOURCE_MISSING,
                where + ": secret '" + name + "' does not exist and has no source"
                        + (fromEnv == null ? "" : " (env " + fromEnv + " is not set)")
                        + "; set fromEnv or generate: true");
    }

    private void loadAdapter(String tenant, String env, String name, JsonNode adapter, String where, Counts counts) {
        String definition = ConfigYaml.text(adapter, "definition", where);
        String version = adapter.path("version").asText(null);
        String region = ConfigYaml.text(adapter, "region", where);
        JsonNode config = ConfigVariables.resolve(adapter.path("config"), environmentVariables, where);
        var current = registry.instance(tenant, env, name);
        if (current.isEmpty()) {
            registry.install(ACTOR, tenant, env, name, new InstallRequest(definition, version, config, region));
            counts.installed++;
            return;
        }
        AdapterInstance instance = current.get();
        if (!instance.definitionName().equals(definition)
                || (version != null && !instance.definitionVersion().equals(version))) {
            throw ConfigYaml.invalid(
                    where,
                    "installed from " + instance.definitionCoordinates()
                            + "; changing the definition needs an uninstall and a new install");
        }
        if (!instance.config().equals(config) || !Objects.equals(instance.region(), region)) {
            registry.update(
                    ACTOR, tenant, env, name, new UpdateRequest(instance.configVersion(), config, region, null));
            counts.updated++;
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f)
                            && (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static final class Counts {
        int tenants;
        int secrets;
        int installed;
        int updated;
    }
}
