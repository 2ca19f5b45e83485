package io.maestro.conductor.policy.pdp;

import io.maestro.conductor.policy.rego.RegoEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an engine in step with bundle directories by polling a hash of their content (more dependable than
 * file-system events on network and container file systems). A change is loaded and compiled off to the side;
 * only an engine that compiled is handed on. A change that fails is rejected with its errors logged and kept
 * in {@link #status()}, and the engine in force stays. The same content is not retried until it changes again.
 */
public final class BundleWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BundleWatcher.class);

    private final List<Path> bundleDirs;
    private final Consumer<RegoEngine> activate;
    private volatile BundleStatus status = BundleStatus.NONE;
    private String lastSeenFingerprint;
    private ScheduledExecutorService poller;

    public BundleWatcher(List<Path> bundleDirs, Consumer<RegoEngine> activate) {
        this.bundleDirs = List.copyOf(bundleDirs);
        this.activate = activate;
    }

    /** Polls on a daemon thread every {@code interval}. */
    public synchronized void start(Duration interval) {
        if (poller != null) throw new IllegalStateException("already started");
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "policy-bundle-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Checks once; loads, compiles and activates the bundles if their content changed. Never throws. */
    public synchronized BundleStatus poll() {
        try {
            PolicyBundles bundles = BundleLoader.load(bundleDirs);
            if (bundles.fingerprint().equals(lastSeenFingerprint)) return status;
            lastSeenFingerprint = bundles.fingerprint();
            RegoEngine engine = bundles.compile();
            activate.accept(engine);
            status = status.activated(bundles.fingerprint(), Instant.now());
            LOG.info(
                    "policy bundles {} active ({} modules, fingerprint {})",
                    bundleDirs,
                    bundles.modules().size(),
                    bundles.fingerprint());
        } catch (BundleException e) {
            reject(e.errors());
        } catch (RuntimeException e) {
            reject(List.of(String.valueOf(e.getMessage())));
        }
        return status;
    }

    public BundleStatus status() {
        return status;
    }

    @Override
    public synchronized void close() {
        if (poller != null) poller.shutdownNow();
    }

    private void reject(List<String> errors) {
        status = status.rejected(errors, Instant.now());
        LOG.error(
                "policy bundles {} rejected, previous policy stays active:\n{}", bundleDirs, String.join("\n", errors));
    }
}
