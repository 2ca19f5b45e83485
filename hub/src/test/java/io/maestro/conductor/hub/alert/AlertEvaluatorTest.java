package io.maestro.conductor.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.hub.health.AdapterInstanceHealth;
import io.maestro.conductor.hub.health.HealthStatus;
import io.maestro.conductor.registry.cache.LoopbackMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerts fire once on the transition into a broken rule and resolve once on the way out, per category's thresholds,
 * in the cluster's maps (a real Hazelcast member); a second evaluator (another hub after a failover) fires nothing
 * twice.
 */
class AlertEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static HazelcastInstance hazelcast;

    private final List<AdapterInstanceHealth> health = new ArrayList<>();
    private final AlertProperties properties = new AlertProperties(
            Duration.ofSeconds(15),
            Duration.ofHours(1),
            Map.of(
                    "storage",
                    new AlertRule(0.5, Duration.ofMinutes(15), 1, "critical"),
                    "payments",
                    new AlertRule(0.1, null, 10, "critical"),
                    AlertProperties.DEFAULT_RULE,
                    new AlertRule(0.9, null, 1, "warning")));
    private final AlertStore store = new AlertStore(
            hazelcast.getMap("firing-" + UUID.randomUUID()),
            hazelcast.getMap("resolved-" + UUID.randomUUID()),
            Duration.ofHours(1));
    private final AlertEvaluator evaluator =
            new AlertEvaluator(() -> health, store, properties, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void startMember() {
        hazelcast = Hazelcast.newHazelcastInstance(LoopbackMember.config("alerts-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stopMember() {
        hazelcast.shutdown();
    }

    @Test
    void firesOnceWhileTheRuleStaysBrokenAndResolvesOnce() {
        health.add(instance("atlas/prod/evidence", "storage", 10, 0));
        assertThat(evaluator.evaluate()).isEmpty();

        health.set(0, instance("atlas/prod/evidence", "storage", 10, 6));
        List<AdapterAlert> fired = evaluator.evaluate();
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AdapterAlert.State.FIRING);
            assertThat(alert.severity()).isEqualTo("critical");
            assertThat(alert.reason()).contains("error rate 60%", "threshold 50%");
            assertThat(alert.lastErrorCode()).isEqualTo("STORAGE_UNREACHABLE");
        });
        assertThat(evaluator.evaluate()).as("still broken: nothing new").isEmpty();
        AlertEvaluator otherHub = new AlertEvaluator(() -> health, store, properties, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(otherHub.evaluate())
                .as("the next leader sees the firing alert")
                .isEmpty();
        assertThat(store.firing()).hasSize(1);

        health.set(0, instance("atlas/prod/evidence", "storage", 10, 1));
        List<AdapterAlert> resolved = evaluator.evaluate();
        assertThat(resolved).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(fired.get(0).id());
            assertThat(alert.state()).isEqualTo(AdapterAlert.State.RESOLVED);
            assertThat(alert.resolvedAt()).isEqualTo(NOW);
        });
        assertThat(evaluator.evaluate()).isEmpty();
        assertThat(store.firing()).isEmpty();
        assertThat(store.resolved())
                .extracting(AdapterAlert::id)
                .containsExactly(fired.get(0).id());
    }

    @Test
    void eachCategoryHasItsOwnThresholds() {
        health.add(instance("atlas/prod/stripe", "payments", 9, 9)); // under payments' min-requests
        health.add(instance("atlas/prod/mailer", "notifications", 10, 8)); // default rule: 90 %
        assertThat(evaluator.evaluate()).isEmpty();

        health.set(0, instance("atlas/prod/stripe", "payments", 10, 1));
        health.set(1, instance("atlas/prod/mailer", "notifications", 10, 9));
        assertThat(evaluator.evaluate())
                .extracting(AdapterAlert::instanceId, AdapterAlert::severity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("atlas/prod/stripe", "critical"),
                        org.assertj.core.groups.Tuple.tuple("atlas/prod/mailer", "warning"));
    }

    @Test
    void errorsWithAnOldLastSuccessFireAndAnUninstalledInstanceResolves() {
        health.add(new AdapterInstanceHealth(
                "atlas",
                "prod",
                "evidence",
                "storage",
                HealthStatus.DEGRADED,
                100,
                1,
                0.01,
                0,
                new AdapterInstanceHealth.Latency(1.0, 2.0, 3.0),
                NOW.minus(Duration.ofMinutes(20)),
                new AdapterInstanceHealth.LastError("STORAGE_UNREACHABLE", NOW),
                List.of()));
        assertThat(evaluator.evaluate())
                .singleElement()
                .satisfies(alert -> assertThat(alert.reason()).contains("no success for PT15M"));

        health.clear();
        assertThat(evaluator.evaluate())
                .singleElement()
                .extracting(AdapterAlert::state)
                .isEqualTo(AdapterAlert.State.RESOLVED);
    }

    @Test
    void theAlertRouteHandsEachTransitionOnceToTheNotifyHook() throws Exception {
        AlertProperties everyTenthOfASecond =
                new AlertProperties(Duration.ofMillis(100), Duration.ofHours(1), properties.rules());
        AlertEvaluator routed =
                new AlertEvaluator(() -> health, store, everyTenthOfASecond, Clock.fixed(NOW, ZoneOffset.UTC));
        BlockingQueue<Message> notified = new LinkedBlockingQueue<>();
        health.add(instance("atlas/prod/evidence", "storage", 10, 9));
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new AdapterAlertRoute(routed, everyTenthOfASecond));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(AdapterAlertRoute.ALERT_HOOK).process(exchange -> notified.add(exchange.getMessage()));
                }
            });
            camel.start();

            Message fired = notified.poll(10, TimeUnit.SECONDS);
            assertThat(fired).isNotNull();
            assertThat(fired.getHeaders())
                    .containsEntry("ConductorAlertState", "FIRING")
                    .containsEntry("ConductorAlertSeverity", "critical")
                    .containsEntry("ConductorTenant", "atlas");
            assertThat(notified.poll(300, TimeUnit.MILLISECONDS))
                    .as("still broken: nothing new")
                    .isNull();

            health.set(0, instance("atlas/prod/evidence", "storage", 10, 0));
            Message resolved = notified.poll(10, TimeUnit.SECONDS);
            assertThat(resolved).isNotNull();
            assertThat(resolved.getBody(AdapterAlert.class).state()).isEqualTo(AdapterAlert.State.RESOLVED);
            assertThat(notified.poll(300, TimeUnit.MILLISECONDS))
                    .as("resolved once")
                    .isNull();
        }
    }

    private static AdapterInstanceHealth instance(String id, String category, long requests, long errors) {
        String[] parts = id.split("/");
        return new AdapterInstanceHealth(
                parts[0],
                parts[1],
                parts[2],
                category,
                HealthStatus.UP,
                requests,
                errors,
                (double) errors / requests,
                0,
                new AdapterInstanceHealth.Latency(1.0, 2.0, 3.0),
                NOW.minusSeconds(1),
                errors > 0 ? new AdapterInstanceHealth.LastError("STORAGE_UNREACHABLE", NOW) : null,
                List.of());
    }
}
