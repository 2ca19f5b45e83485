package io.maestro.conductor.hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.health.LatencyBuckets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster's view from per-hub entries: sums, staleness, never-called instances, visibility, impact. */
class AdapterHealthBoardTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final Map<String, String> INSTALLED = Map.of(
            "atlas/prod/evidence", "storage",
            "atlas/prod/payments", "payments",
            "zenith/dev/evidence", "storage");
    private static final ImpactedWorkflows IMPACTED =
            ImpactedWorkflows.of(Map.of("storage/evidence", List.of("evidence-upload", "nightly-archive")));

    private final AdapterHealthBoard board =
            new AdapterHealthBoard(new HealthRules(HealthRulesTest.PROPERTIES), HealthRulesTest.PROPERTIES);

    @Test
    void sumsEveryHubsEntryForAnInstance() {
        List<AdapterInstanceHealth> health = board.compute(
                List.of(
                        entry("hub-a", "atlas/prod/evidence", 10, 0, 2_000_000, NOW - 1000, null, 0, NOW),
                        entry(
                                "hub-b",
                                "atlas/prod/evidence",
                                10,
                                8,
                                40_000_000,
                                NOW - 5000,
                                "STORAGE_UNREACHABLE",
                                NOW - 10,
                                NOW)),
                INSTALLED,
                IMPACTED,
                id -> true,
                NOW);

        AdapterInstanceHealth evidence = byId(health, "atlas/prod/evidence");
        assertThat(evidence.requests()).isEqualTo(20);
        assertThat(evidence.errors()).isEqualTo(8);
        assertThat(evidence.errorRate()).isEqualTo(0.4);
        assertThat(evidence.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(evidence.latencyMs().p50()).isBetween(2.0, 2.4);
        assertThat(evidence.latencyMs().p99()).isBetween(40.0, 48.0);
        assertThat(evidence.lastSuccess().toEpochMilli())
                .as("the latest of any hub")
                .isEqualTo(NOW - 1000);
        assertThat(evidence.lastError().code()).isEqualTo("STORAGE_UNREACHABLE");
        assertThat(evidence.impactedWorkflows()).containsExactly("evidence-upload", "nightly-archive");
    }

    @Test
    void aHubThatLeftCountsNoLongerButItsLastSuccessStays() {
        long stale = NOW - HealthRulesTest.PROPERTIES.window().toMillis() - 1;
        List<AdapterInstanceHealth> health = board.compute(
                List.of(entry("gone", "atlas/prod/evidence", 50, 50, 1_000_000, NOW - 3_600_000, "X", stale, stale)),
                INSTALLED,
                IMPACTED,
                id -> true,
                NOW);

        AdapterInstanceHealth evidence = byId(health, "atlas/prod/evidence");
        assertThat(evidence.requests()).isZero();
        assertThat(evidence.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(evidence.lastError().code()).isEqualTo("X");
    }

    @Test
    void installedInstancesNeverCalledAreUnknownAndUninstalledOnesAreLeftOut() {
        List<AdapterInstanceHealth> health = board.compute(
                List.of(entry("hub-a", "atlas/prod/removed", 5, 5, 1_000_000, 0, "X", NOW, NOW)),
                INSTALLED,
                IMPACTED,
                id -> true,
                NOW);

        assertThat(health)
                .extracting(AdapterInstanceHealth::id)
                .containsExactly("atlas/prod/evidence", "atlas/prod/payments", "zenith/dev/evidence");
        AdapterInstanceHealth payments = byId(health, "atlas/prod/payments");
        assertThat(payments.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(payments.latencyMs().p50()).isNull();
        assertThat(payments.lastSuccess()).isNull();
        assertThat(payments.impactedWorkflows()).isEmpty();
    }

    @Test
    void onlyVisibleInstancesAreComputed() {
        List<AdapterInstanceHealth> health = board.compute(
                List.of(entry("hub-a", "zenith/dev/evidence", 5, 5, 1_000_000, 0, "X", NOW, NOW)),
                INSTALLED,
                IMPACTED,
                id -> id.startsWith("atlas/"),
                NOW);

        assertThat(health).extracting(AdapterInstanceHealth::tenant).containsOnly("atlas");
    }

    static MemberInstanceStats entry(
            String member,
            String instanceId,
            long requests,
            long errors,
            long latencyNanos,
            long lastSuccess,
            String lastErrorCode,
            long lastErrorAt,
            long updated) {
        long[] buckets = new long[LatencyBuckets.COUNT];
        buckets[LatencyBuckets.index(latencyNanos)] = requests;
        return new MemberInstanceStats(
                member,
                instanceId,
                "storage",
                requests,
                errors,
                0,
                buckets,
                lastSuccess,
                lastErrorCode,
                lastErrorAt,
                updated);
    }

    private static AdapterInstanceHealth byId(List<AdapterInstanceHealth> health, String id) {
        return health.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }
}
