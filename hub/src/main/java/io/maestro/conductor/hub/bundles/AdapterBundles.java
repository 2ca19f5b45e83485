package io.maestro.conductor.hub.bundles;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.devkit.DevkitException;
import io.maestro.conductor.devkit.bundle.BundleVerifier;
import io.maestro.conductor.devkit.bundle.SigningKeys;
import io.maestro.conductor.devkit.bundle.VerifiedBundle;
import io.maestro.conductor.devkit.manifest.AdapterManifest;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.cache.SemVer;
import io.maestro.conductor.registry.config.DefinitionCatalog;
import io.maestro.conductor.registry.model.AdapterDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Installs signed partner adapter bundles into the running hub and takes them out again, without a restart. A bundle
 * is verified against the trusted keys before anything of it is written or loaded; its jar is then kept under
 * {@code <dir>/<name>/<version>/}, its definition published to the registry, and its component loaded in an
 * {@link AdapterClassLoader} of its own and added to Camel as {@code <scheme>-<version>} (and as {@code <scheme>},
 * which names the newest installed version). Two versions of one adapter run side by side; uninstalling one removes
 * its component and closes its class loader, and is refused (409 {@code ADAPTER_IN_USE}) while an instance of any
 * tenant still uses that version.
 *
 * <p>The signed bundle is kept beside the jar ({@value #BUNDLE_FILE}); at start the hub loads every kept bundle again
 * ({@link #reload()}), verifying it against the keys trusted <em>now</em>: a bundle whose key is no longer trusted,
 * or that was changed on disk, is not loaded.
 */
public final class AdapterBundles {

    private static final Logger log = LoggerFactory.getLogger(AdapterBundles.class);

    /** The signed bundle as installed, kept so that a restart verifies and loads it again. */
    static final String BUNDLE_FILE = "bundle.zip";

    private final CamelContext camel;
    private final Registry registry;
    private final BundleVerifier verifier;
    private final Path dir;
    private final Clock clock;
    private final Map<String, InstalledAdapter> installed = new TreeMap<>();
    private java.util.function.Predicate<VerifiedBundle> certified = bundle -> true;

    public AdapterBundles(CamelContext camel, Registry registry, BundleVerifier verifier, Path dir, Clock clock) {
        this.camel = camel;
        this.registry = registry;
        this.verifier = verifier;
        this.dir = dir;
        this.clock = clock;
    }

    /**
     * Installs (and loads again at start) only bundles {@code certified} accepts; without one, every verified bundle.
     */
    public AdapterBundles requireCertification(java.util.function.Predicate<VerifiedBundle> certified) {
        this.certified = certified;
        return this;
    }

    static BundleVerifier verifier(AdapterBundleProperties properties) {
        return new BundleVerifier(
                properties.trustedKeysFile() == null
                        ? List.of()
                        : SigningKeys.readTrusted(properties.trustedKeysFile()),
                properties.maxBundleSize().toBytes());
    }

    public synchronized List<InstalledAdapter> list() {
        return List.copyOf(installed.values());
    }

    public synchronized InstalledAdapter install(InputStream bundle, String actor) {
        byte[] signed;
        try {
            // the request body limit (conductor.api.body-limits) bounds what this reads
            signed = bundle.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the adapter bundle", e);
        }
        VerifiedBundle verified = verify(signed, actor);
        AdapterManifest manifest = verified.manifest();
        if (!certified.test(verified)) {
            log.warn(
                    "event=adapter_bundle_refused code=ADAPTER_NOT_CERTIFIED name={} version={} actor={}",
                    manifest.name(),
                    manifest.version(),
                    actor);
            throw new ApiRequestException(
                    HttpStatus.CONFLICT,
                    "ADAPTER_NOT_CERTIFIED",
                    manifest.name() + " " + manifest.version()
                            + " is not certified with this jar; submit it for review (conductor.adapters"
                            + ".require-certification)");
        }
        String componentName = InstalledAdapter.componentName(manifest.scheme(), manifest.version());
        if (installed.containsKey(componentName)) {
            throw new ApiRequestException(
                    HttpStatus.CONFLICT,
                    "ADAPTER_VERSION_EXISTS",
                    manifest.name() + " " + manifest.version() + " is installed; publish a new version instead");
        }
        if (camel.hasComponent(componentName) != null || isBuiltIn(manifest.scheme())) {
            throw new ApiRequestException(
                    HttpStatus.CONFLICT,
                    "ADAPTER_SCHEME_TAKEN",
                    "the hub already has a component named " + manifest.scheme());
        }
        Path versionDir = dir.resolve(manifest.name()).resolve(manifest.version());
        Path jar = store(versionDir, verified, signed);
        registry.publishDefinition(definitionOf(manifest));
        InstalledAdapter adapter = load(verified, componentName, jar, actor, true);
        installed.put(componentName, adapter);
        pointSchemeAtNewest(manifest.scheme());
        log.info(
                "event=adapter_installed name={} version={} component={} keyId={} jarSha256={} actor={}",
                manifest.name(),
                manifest.version(),
                componentName,
                verified.keyId(),
                verified.jarSha256(),
                actor);
        return adapter;
    }

    /**
     * Verifies a signed bundle against the trusted keys (signature, checksums, manifest, jar) without installing it:
     * what the review of a submitted package starts from. A refusal is a problem with the dev kit's code.
     */
    public VerifiedBundle verify(byte[] signed, String actor) {
        try {
            return verifier.verify(new ByteArrayInputStream(signed));
        } catch (DevkitException e) {
            log.warn("event=adapter_bundle_refused code={} actor={}", e.code(), actor);
            throw new AdapterBundleRefused(e);
        }
    }

    /**
     * Loads every bundle kept under the adapters directory again (at start): each is verified against the keys
     * trusted now and loaded as at its install; one that fails stays on disk, unloaded, with a warning.
     *
     * @return the adapters loaded
     */
    public synchronized List<InstalledAdapter> reload() {
        List<InstalledAdapter> loaded = new ArrayList<>();
        for (Path bundleFile : keptBundles()) {
            String where = dir.relativize(bundleFile.getParent()).toString();
            try {
                VerifiedBundle verified = verifier.verify(new ByteArrayInputStream(Files.readAllBytes(bundleFile)));
                AdapterManifest manifest = verified.manifest();
                String componentName = InstalledAdapter.componentName(manifest.scheme(), manifest.version());
                Path versionDir = dir.resolve(manifest.name()).resolve(manifest.version());
                if (!versionDir.equals(bundleFile.getParent())
                        || installed.containsKey(componentName)
                        || isBuiltIn(manifest.scheme())) {
                    log.warn("event=adapter_reload_skipped bundle={} reason=name_or_scheme_taken", where);
                    continue;
                }
                if (!certified.test(verified)) {
                    log.warn("event=adapter_reload_skipped bundle={} reason=not_certified", where);
                    continue;
                }
                registry.publishDefinition(definitionOf(manifest));
                InstalledAdapter adapter =
                        load(verified, componentName, versionDir.resolve("adapter.jar"), "system:reload", false);
                installed.put(componentName, adapter);
                pointSchemeAtNewest(manifest.scheme());
                loaded.add(adapter);
                log.info(
                        "event=adapter_reloaded name={} version={} component={} keyId={}",
                        manifest.name(),
                        manifest.version(),
                        componentName,
                        verified.keyId());
            } catch (DevkitException e) {
                log.warn("event=adapter_reload_refused bundle={} code={}", where, e.code());
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "event=adapter_reload_failed bundle={} error={}",
                        where,
                        e.getClass().getSimpleName());
            }
        }
        return loaded;
    }

    private List<Path> keptBundles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var walk = Files.walk(dir, 3)) {
            return walk.filter(p -> p.getFileName().toString().equals(BUNDLE_FILE))
                    .filter(p -> dir.relativize(p).getNameCount() == 3)
                    .filter(p ->
                            !p.getParent().getParent().getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the kept adapter bundles", e);
        }
    }

    public synchronized InstalledAdapter uninstall(String name, String version, String actor) {
        InstalledAdapter adapter = installed.values().stream()
                .filter(a -> a.name().equals(name) && a.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new ApiRequestException(
                        HttpStatus.NOT_FOUND, "ADAPTER_BUNDLE_NOT_FOUND", name + " " + version + " is not installed"));
        long users = instancesUsing(name, version);
        if (users > 0) {
            throw new ApiRequestException(
                    HttpStatus.CONFLICT,
                    "ADAPTER_IN_USE",
                    users + " adapter instance(s) still use " + name + " " + version
                            + "; uninstall or update them first");
        }
        installed.remove(adapter.componentName());
        if (camel.getComponent(adapter.scheme(), false) == adapter.component()) {
            camel.removeComponent(adapter.scheme());
        }
        camel.removeComponent(adapter.componentName());
        ServiceHelper.stopAndShutdownService(adapter.component());
        close(adapter.loader());
        deleteTree(dir.resolve(name).resolve(version));
        pointSchemeAtNewest(adapter.scheme());
        log.info("event=adapter_uninstalled name={} version={} actor={}", name, version, actor);
        return adapter;
    }

    /** Instances of every tenant and environment whose definition is exactly this adapter version. */
    private long instancesUsing(String name, String version) {
        return registry.tenants().stream()
                .flatMap(tenant ->
                        tenant.environments().stream().flatMap(env -> registry.instances(tenant.id(), env).stream()))
                .filter(i ->
                        i.definitionName().equals(name) && i.definitionVersion().equals(version))
                .count();
    }

    private boolean isBuiltIn(String scheme) {
        Object component = camel.hasComponent(scheme);
        return component != null && installed.values().stream().noneMatch(a -> a.component() == component);
    }

    /** Writes the bundle's jar and manifest through a temporary directory, so a version is there whole or not. */
    private Path store(Path versionDir, VerifiedBundle verified, byte[] signed) {
        try {
            Files.createDirectories(versionDir.getParent());
            Path staging = Files.createTempDirectory(versionDir.getParent(), ".staging-");
            Files.write(staging.resolve("adapter.jar"), verified.jarBytes());
            Files.write(staging.resolve("conductor-adapter.yaml"), verified.manifestDocument());
            Files.write(staging.resolve(BUNDLE_FILE), signed);
            Files.move(staging, versionDir, StandardCopyOption.ATOMIC_MOVE);
            return versionDir.resolve("adapter.jar");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the adapter bundle", e);
        }
    }

    private static AdapterDefinition definitionOf(AdapterManifest manifest) {
        ObjectNode definitions = JsonNodeFactory.instance.objectNode();
        definitions.withArray("definitions").add(manifest.toDefinition());
        return DefinitionCatalog.read(
                        new ByteArrayInputStream(definitions.toString().getBytes(StandardCharsets.UTF_8)),
                        "adapter bundle " + manifest.name() + " " + manifest.version())
                .get(0);
    }

    /** {@code deleteOnFailure}: an install removes what it stored; a reload leaves the kept bundle where it is. */
    private InstalledAdapter load(
            VerifiedBundle verified, String componentName, Path jar, String actor, boolean deleteOnFailure) {
        AdapterManifest manifest = verified.manifest();
        AdapterClassLoader loader = null;
        try {
            loader = new AdapterClassLoader(
                    "adapter-" + componentName, jar, getClass().getClassLoader());
            Class<?> type = loader.loadClass(manifest.componentClass());
            if (!AdapterComponent.class.isAssignableFrom(type)) {
                throw new ApiRequestException(
                        HttpStatus.BAD_REQUEST,
                        "JAR_INVALID",
                        "the manifest's component class is not an adapter component (AdapterComponent)");
            }
            AdapterComponent<?> component =
                    (AdapterComponent<?>) type.getDeclaredConstructor().newInstance();
            if (!component.category().equals(manifest.category())) {
                throw new ApiRequestException(
                        HttpStatus.BAD_REQUEST, "JAR_INVALID", "the component's category is not the manifest's");
            }
            camel.addComponent(componentName, component);
            ServiceHelper.startService(component);
            return new InstalledAdapter(
                    manifest.name(),
                    manifest.version(),
                    manifest.scheme(),
                    componentName,
                    manifest.category(),
                    manifest.riskLevel(),
                    verified.keyId(),
                    verified.jarSha256(),
                    actor,
                    clock.instant(),
                    component,
                    loader);
        } catch (ApiRequestException e) {
            unloadFailed(componentName, loader, deleteOnFailure ? jar.getParent() : null);
            throw e;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            unloadFailed(componentName, loader, deleteOnFailure ? jar.getParent() : null);
            log.warn(
                    "event=adapter_load_failed component={} error={}",
                    componentName,
                    e.getClass().getSimpleName());
            throw new ApiRequestException(
                    HttpStatus.BAD_REQUEST, "JAR_INVALID", "the adapter's component cannot be loaded and started");
        } catch (IOException e) {
            unloadFailed(componentName, loader, deleteOnFailure ? jar.getParent() : null);
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <scheme>} names the newest installed version of the adapter that serves it, or nothing. */
    private void pointSchemeAtNewest(String scheme) {
        Optional<InstalledAdapter> newest = installed.values().stream()
                .filter(a -> a.scheme().equals(scheme))
                .max(Comparator.comparing(InstalledAdapter::version, SemVer.ORDER));
        Object current = camel.hasComponent(scheme);
        if (newest.isPresent() && current == newest.get().component()) {
            return;
        }
        if (current != null) {
            // removing stops the component; it may still serve its versioned name, so it starts again
            camel.removeComponent(scheme);
            installed.values().stream()
                    .filter(a -> a.component() == current)
                    .forEach(a -> ServiceHelper.startService(a.component()));
        }
        newest.ifPresent(a -> camel.addComponent(scheme, a.component()));
    }

    private void unloadFailed(String componentName, AdapterClassLoader loader, Path versionDir) {
        if (camel.hasComponent(componentName) != null) {
            camel.removeComponent(componentName);
        }
        close(loader);
        if (versionDir != null) {
            deleteTree(versionDir);
        }
    }

    private static void close(AdapterClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            log.warn("event=adapter_loader_close_failed loader={}", loader.getName());
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            List<Path> paths = new ArrayList<>(walk.toList());
            paths.sort(Comparator.reverseOrder());
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root.getFileName(), e);
        }
    }
}
