package io.maestro.conductor.adapter.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-instance call statistics of one adapter component, aggregated locally on the call path and drained by the
 * application (the hub flushes them to its cluster on a timer). The call path pays a map lookup and a few striped
 * counter increments; everything else (windows, percentiles, the cluster's view) happens at drain time, off it.
 */
public final class AdapterCallStats {

    private final String category;
    private final Map<String, InstanceCallStats> instances = new ConcurrentHashMap<>();

    public AdapterCallStats(String category) {
        this.category = category;
    }

    public String category() {
        return category;
    }

    public void success(String instanceId, long nanos) {
        stats(instanceId).success(nanos, System.currentTimeMillis());
    }

    public void failure(String instanceId, String code, long nanos) {
        stats(instanceId).failure(code, nanos, System.currentTimeMillis());
    }

    public void denial(String instanceId) {
        stats(instanceId).denial();
    }

    /** Every instance called at least once, with what happened since the previous drain (possibly nothing). */
    public List<CallCounts> drain() {
        List<CallCounts> drained = new ArrayList<>(instances.size());
        instances.forEach((instanceId, stats) -> drained.add(stats.drain(instanceId)));
        return drained;
    }

    /**
     * Drops an instance's statistics (it was uninstalled): the next call, if it is installed again, starts from
     * nothing. A call counted between the last drain and this is lost with it.
     */
    public void forget(String instanceId) {
        instances.remove(instanceId);
    }

    private InstanceCallStats stats(String instanceId) {
        InstanceCallStats found = instances.get(instanceId);
        return found != null ? found : instances.computeIfAbsent(instanceId, id -> new InstanceCallStats(category));
    }
}
