package io.maestro.conductor.adapter.camel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backend delegates (clients, Camel endpoints) built once per instance and config version. A newer config
 * version builds a new delegate and closes the one it replaces; an older version never replaces a newer one.
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

    private record Versioned<D>(long configVersion, D delegate) {
    }

    private final Map<InstanceRef, Versioned<D>> delegates = new ConcurrentHashMap<>();

    public D get(ResolvedInstance instance, Factory<D> factory) {
        Versioned<D> current = delegates.get(instance.ref());
        if (current != null && current.configVersion() >= instance.configVersion()) {
            return current.delegate();
        }
        Versioned<D> built = delegates.compute(instance.ref(), (ref, existing) -> {
            if (existing != null && existing.configVersion() >= instance.configVersion()) {
                return existing;
            }
            Versioned<D> fresh = new Versioned<>(instance.configVersion(), build(instance, factory));
            if (existing != null) {
                LOG.info("Instance {} moved from config version {} to {}; closing the old delegate",
                        ref.id(), existing.configVersion(), instance.configVersion());
                closeQuietly(ref, existing.delegate());
            }
            return fresh;
        });
        return built.delegate();
    }

    public int size() {
        return delegates.size();
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
            throw new IllegalStateException("building the delegate of " + instance.ref().id() + " failed", e);
        }
    }

    private static void closeQuietly(InstanceRef ref, AutoCloseable delegate) {
        try {
            delegate.close();
        } catch (Exception e) {
            LOG.warn("Closing the delegate of {} failed: {}", ref.id(), e.getClass().getSimpleName());
        }
    }
}
