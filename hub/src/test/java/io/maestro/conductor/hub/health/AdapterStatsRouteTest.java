package io.maestro.conductor.hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.maestro.conductor.adapter.health.AdapterHealthCheck;
import io.maestro.conductor.adapter.health.CallCounts;
import io.maestro.conductor.adapter.health.LatencyBuckets;
import io.maestro.conductor.registry.cache.LoopbackMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Route {@code adapter-stats-flush}'s tick on a real Hazelcast member and Camel health check: the snapshot is
 * recomputed only when its inputs changed (this hub's calls, another hub's entry, the inventory) or time alone
 * changes an answer; an uninstalled instance's counters, window and cluster entry are dropped.
 */
class AdapterStatsRouteTest {

    private static final String ARCHIVE = "acme/prod/archive";
    private static final String OLD = "acme/prod/old";
    private static final HealthProperties PROPERTIES = new HealthProperties(
            Duration.ofSeconds(5), Duration.ofMinutes(10), 1, 0.05, 0.5, Duration.ofMinutes(5), Duration.ofMinutes(30));

    private static HazelcastInstance hazelcast;

    private final MovableClock clock = new MovableClock(Instant.now());
    private DefaultCamelContext camel;
    private AdapterHealthCheck storage;
    private HealthInventory inventory;
    private HealthChanges changes;
    private AdapterStatsFlush flush;
    private AdapterHealthService health;
    private AdapterStatsRoute route;

    @BeforeAll
    static void startMember() {
        hazelcast = Hazelcast.newHazelcastInstance(LoopbackMember.config("stats-route-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stopMember() {
        hazelcast.shutdown();
    }

    @BeforeEach
    void hub() {
        camel = new DefaultCamelContext();
        storage = new AdapterHealthCheck("storage");
        storage.setCamelContext(camel);
        HealthCheckRegistry.get(camel).register(storage);
        ReplicatedMap<String, MemberInstanceStats> map = hazelcast.getReplicatedMap(AdapterHealthService.MAP);
        map.clear();
        inventory = HealthInventory.of(Map.of(ARCHIVE, "storage", OLD, "storage"), ImpactedWorkflows.none());
        changes = HealthChanges.listening(hazelcast);
        flush = new AdapterStatsFlush(camel, map, "this-hub", inventory, PROPERTIES, clock);
        health = new AdapterHealthService(
                map, inventory, new AdapterHealthBoard(new HealthRules(PROPERTIES), PROPERTIES), clock);
        route = new AdapterStatsRoute(inventory, flush, health, changes, PROPERTIES);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void aQuietTickKeepsTheSnapshotAndAnyChangeRecomputesIt() throws InterruptedException {
        storage.calls().success(ARCHIVE, 2_000_000);
        assertThat(route.tick()).as("first tick").isTrue();
        awaitQuiet();
        assertThat(requests(ARCHIVE)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(route.tick()).as("nothing changed").isFalse();
        assertThat(health.computedAt()).as("stamped as true now").isEqualTo(Instant.ofEpochMilli(clock.millis()));
        assertThat(requests(ARCHIVE)).isEqualTo(1);

        storage.calls().success(ARCHIVE, 2_000_000);
        assertThat(route.tick()).as("a call on this hub").isTrue();
        assertThat(requests(ARCHIVE)).isEqualTo(2);
        awaitQuiet();

        hazelcast
                .<String, MemberInstanceStats>getReplicatedMap(AdapterHealthService.MAP)
                .put(AdapterStatsFlush.key("other-hub", ARCHIVE), otherHub(ARCHIVE, 3, 0, clock.millis()));
        assertThat(tickUntilRecomputed()).as("another hub's entry").isTrue();
        assertThat(requests(ARCHIVE)).isEqualTo(5);
        awaitQuiet();

        changes.registryChanged();
        assertThat(route.tick()).as("the registry changed").isTrue();
    }

    @Test
    void timeAloneRecomputesWhenALastSuccessAgesPastARuleOrAnEntryGoesStale() throws InterruptedException {
        long start = clock.millis();
        hazelcast
                .<String, MemberInstanceStats>getReplicatedMap(AdapterHealthService.MAP)
                .put(AdapterStatsFlush.key("other-hub", ARCHIVE), otherHub(ARCHIVE, 100, 1, start));
        tickUntilRecomputed();
        awaitQuiet();
        assertThat(status(ARCHIVE)).isEqualTo(HealthStatus.UP);

        // Ticks below the safety net's minute, so that only the rule can explain the recomputation after them.
        advanceTicking(start + PROPERTIES.degradedAfter().toMillis() - 1000);
        assertThat(status(ARCHIVE)).isEqualTo(HealthStatus.UP);
        assertThat(route.tick()).as("nothing changed, no rule crossed").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(route.tick()).as("the last success aged past degraded-after").isTrue();
        assertThat(status(ARCHIVE)).isEqualTo(HealthStatus.DEGRADED);

        advanceTicking(start + PROPERTIES.window().toMillis());
        assertThat(requests(ARCHIVE)).as("still fresh").isEqualTo(100);
        clock.advance(Duration.ofMillis(1));
        assertThat(route.tick()).as("the other hub's entry went stale").isTrue();
        assertThat(requests(ARCHIVE)).as("stale entries count as nothing").isZero();
        assertThat(route.tick()).isFalse();
    }

    @Test
    void anUninstalledInstanceIsDroppedAndOneNotYetKnownButCalledIsKept() throws InterruptedException {
        storage.calls().success(ARCHIVE, 2_000_000);
        storage.calls().success(OLD, 2_000_000);
        route.tick();
        assertThat(flush.windowed()).containsExactlyInAnyOrder(ARCHIVE, OLD);

        inventory.replace(Map.of(ARCHIVE, "storage"));
        changes.registryChanged();
        route.tick();

        assertThat(flush.windowed()).containsExactly(ARCHIVE);
        assertThat(hazelcast.getReplicatedMap(AdapterHealthService.MAP).keySet())
                .containsExactly(AdapterStatsFlush.key("this-hub", ARCHIVE));
        assertThat(storage.calls().drain()).extracting(CallCounts::instanceId).containsExactly(ARCHIVE);
        assertThat(health.instances(tenant -> true))
                .extracting(AdapterInstanceHealth::id)
                .containsExactly(ARCHIVE);

        storage.calls().success("acme/prod/fresh", 2_000_000);
        route.tick();
        assertThat(flush.windowed())
                .as("called, so kept until the inventory knows it")
                .contains("acme/prod/fresh");
    }

    /**
     * Ticks until the events of the last writes have arrived (they come asynchronously, even from this member) and a
     * tick finds nothing to do with no event landing around it.
     */
    private void awaitQuiet() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            long events = changes.stats() + changes.registry();
            Thread.sleep(200);
            boolean recomputed = route.tick();
            Thread.sleep(200);
            if (!recomputed && changes.stats() + changes.registry() == events) {
                return;
            }
        }
        throw new AssertionError("every tick recomputed");
    }

    /** Moves the clock to {@code untilMillis} in steps under a minute, ticking after each. */
    private void advanceTicking(long untilMillis) {
        while (clock.millis() < untilMillis) {
            clock.advance(Duration.ofMillis(Math.min(50_000, untilMillis - clock.millis())));
            route.tick();
        }
    }

    /** Ticks until one recomputes (the cluster's events arrive asynchronously). */
    private boolean tickUntilRecomputed() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (route.tick()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private long requests(String id) {
        return instance(id).requests();
    }

    private HealthStatus status(String id) {
        return instance(id).status();
    }

    private AdapterInstanceHealth instance(String id) {
        return health.instances(tenant -> true).stream()
                .filter(instance -> instance.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Another hub's entry: {@code requests} calls of which {@code errors} failed, last success at its writing. */
    private static MemberInstanceStats otherHub(String id, long requests, long errors, long updatedMillis) {
        long[] buckets = new long[LatencyBuckets.COUNT];
        buckets[3] = requests;
        return new MemberInstanceStats(
                "other-hub",
                id,
                "storage",
                requests,
                errors,
                0,
                buckets,
                updatedMillis,
                errors > 0 ? "STORAGE_UNREACHABLE" : null,
                errors > 0 ? updatedMillis : 0,
                updatedMillis);
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
