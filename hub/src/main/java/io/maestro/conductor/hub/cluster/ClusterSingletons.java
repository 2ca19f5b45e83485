package io.maestro.conductor.hub.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import java.util.Set;

/**
 * Which routes are cluster singletons, and the Hazelcast config they need. A singleton route runs on one hub of the
 * cluster at a time under a {@link ClusterSingletonPolicy} (Camel's {@code HazelcastRoutePolicy}: a lock per route in
 * map {@value #LEADER_MAP}), and moves to another hub when its leader dies.
 *
 * <ul>
 *   <li>{@code billing-sync}: bills every tenant for a period; two runs at once would race on the ledger (it stays
 *       correct, but every Stripe call is made twice).</li>
 *   <li>{@code adapter-alerts}: evaluates the alert rules over the cluster-wide health map; on two hubs every
 *       transition would be notified twice.</li>
 *   <li>{@code receipt-seals}: seals each tenant's unsealed receipts; two sealers at once would ask the TSA for
 *       the same receipts twice.</li>
 * </ul>
 *
 * <p>Not singletons: {@code adapter-stats-flush} (each hub flushes the calls it saw), the adapters' delegate sweep
 * (each hub closes its own in-memory delegates) and evidence dead-letter retries (operator calls, not timers).
 *
 * <p>Split-brain protection {@value #QUORUM}: the leader map answers only on a side that holds a majority of the
 * configured members, so a minority side can neither take a lock nor confirm the one it holds, and
 * {@link ClusterSingletonPolicy} skips its singletons there.
 */
public final class ClusterSingletons {

    public static final Set<String> ROUTES = Set.of("billing-sync", "adapter-alerts", "receipt-seals");
    public static final String LEADER_MAP = "conductor-route-leaders";
    public static final String QUORUM = "conductor-majority";

    private ClusterSingletons() {}

    /**
     * Adds the leader map and, for two or more configured members, its majority split-brain protection to a member
     * config (a lone hub is always its own majority; Hazelcast refuses a protection of fewer than 2 members).
     */
    public static Config configure(Config config, int configuredMembers) {
        MapConfig leaders = new MapConfig(LEADER_MAP);
        int majority = majority(configuredMembers);
        if (majority >= 2) {
            config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(QUORUM, true, majority)
                    .setProtectOn(SplitBrainProtectionOn.READ_WRITE));
            leaders.setSplitBrainProtectionName(QUORUM);
        }
        config.addMapConfig(leaders);
        return config;
    }

    /** The smallest number of members that is more than half of {@code configuredMembers}. */
    public static int majority(int configuredMembers) {
        return Math.max(1, configuredMembers) / 2 + 1;
    }
}
