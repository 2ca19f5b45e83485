package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backend delegates (clients, Camel endpoints) built once per instance, config version and configuration. A newer
 * config version builds a new delegate and closes the one it replaces (a rotated secret keeps its {@code secret:}
 * reference, so only the version tells). An older version reuses a newer delegate only when its backend and config
 * are the same (a stale read); with another config it builds a new one: an instance uninstalled and installed again
 * starts again at version 1, so a lower version is no proof of a stale read, and keeping the old delegate would keep
 * sending to the old endpoint with the old credentials.
 *
 * <p>A call that fetched the old delegate just before a config change finishes on it while it is being closed;
 * client libraries fail such a call cleanly, and config changes are rare operator actions.
 */
public final class DelegateCache<D extends AutoCloseable> {

    private static final Logger LOG = LoggerFactory.getLogger(DelegateCache.class);

    /** Builds the delegate of one instance config version. */
    @FunctionalInterface
    public interface Factory<D> {
        D create(ResolvedInstance instance) throws Exception;
    }

    private record Versioned<D>(long configVersion, String backend, Map<String, String> config, D delegate) {

        boolean builtFor(ResolvedInstance instance) {
            return backend.equals(instance.backend()) && config.equals(instance.config());
        }
    }

    private final Map<InstanceRef, Versioned<D>> delegates = new ConcurrentHashMap<>();
    /** One lock per instance: building a delegate may talk to the store, and must not block other instances. */
    private final Map<InstanceRef, Object> buildLocks = new ConcurrentHashMap<>();

    public D get(ResolvedInstance instance, Factory<D> factory) {
        Versioned<D> current = delegates.get(instance.ref());
        if (isCurrent(current, instance)) {
            return current.delegate();
        }
        synchronized (buildLocks.computeIfAbsent(instance.ref(), ref -> new Object())) {
            Versioned<D> existing = delegates.get(instance.ref());
            if (isCurrent(existing, instance)) {
                return existing.delegate();
            }
            D fresh = build(instance, factory);
            delegates.put(
                    instance.ref(),
                    new Versioned<>(instance.configVersion(), instance.backend(), instance.config(), fresh));
            if (existing != null) {
                LOG.info(
                        "Instance {} changed config (version {} to {}); closing the old delegate",
                        instance.ref().id(),
                        existing.configVersion(),
                        instance.configVersion());
                closeQuietly(instance.ref(), existing.delegate());
            }
            return fresh;
        }
    }

    private static boolean isCurrent(Versioned<?> versioned, ResolvedInstance instance) {
        return versioned != null
                && versioned.configVersion() >= instance.configVersion()
                && versioned.builtFor(instance);
    }

    public int size() {
        return delegates.size();
    }

    /**
     * Closes and forgets the delegate of every instance {@code installed} no longer confirms (uninstalled, disabled),
     * checked under the instance's build lock so a delegate built for a re-install meanwhile is not the one closed.
     *
     * @return how many delegates were closed
     */
    public int retainInstalled(Predicate<InstanceRef> installed) {
        int closed = 0;
        for (InstanceRef ref : List.copyOf(delegates.keySet())) {
            synchronized (buildLocks.computeIfAbsent(ref, key -> new Object())) {
                if (!delegates.containsKey(ref) || installed.test(ref)) {
                    continue;
                }
                Versioned<D> gone = delegates.remove(ref);
                LOG.info("Instance {} is no longer installed; closing its delegate", ref.id());
                closeQuietly(ref, gone.delegate());
                closed++;
            }
        }
        return closed;
    }

    public void closeAll() {
        delegates.forEach((ref, versioned) -> closeQuietly(ref, versioned.delegate()));
        delegates.clear();
    }

    private static <D> D build(ResolvedInstance instance, Factory<D> factory) {
        try {
            return factory.create(instance);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "building the delegate of " + instance.ref().id() + " failed", e);
        }
    }

    private static void closeQuietly(InstanceRef ref, AutoCloseable delegate) {
        try {
            delegate.close();
        } catch (Exception e) {
            LOG.warn(
                    "Closing the delegate of {} failed: {}",
                    ref.id(),
                    e.getClass().getSimpleName());
        }
    }
}
