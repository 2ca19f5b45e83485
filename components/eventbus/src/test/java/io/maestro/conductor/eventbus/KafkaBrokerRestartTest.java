package io.maestro.conductor.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.sandbox.eventbus.KafkaSandbox;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker stops and starts again (same port, same log directory) in the middle of a 10,000-event burst
 * published through {@code eventbus:publish} and consumed through {@code eventbus:subscribe}. The worker route puts
 * Camel's idempotent consumer with a SQL repository (H2) on the event id before its "workflow". Asserted: every
 * event reaches the workflow exactly once, none is missing; deliveries to the route may exceed 10,000 (at least
 * once), and how many the idempotent consumer held back is printed.
 */
@Tag("slow")
class KafkaBrokerRestartTest {

    private static final int EVENTS = 10_000;
    private static final int RESTART_AFTER = 3_000;

    private final KafkaSandbox kafka = KafkaSandbox.startTransient();
    private final EventbusHarness bus = new EventbusHarness();
    private final Map<String, AtomicInteger> workflowRuns = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger publishRetries = new AtomicInteger();

    @AfterEach
    void stop() {
        bus.close();
        kafka.close();
    }

    @Test
    void everyEventOfABurstRunsTheWorkflowOnceAcrossABrokerRestart() throws Exception {
        bus.instances.put(Instances.kafka(
                "acme",
                "prod",
                "bus",
                Map.of(EventbusDefinitions.BROKERS, kafka.brokers(), EventbusDefinitions.TIMEOUT_MS, "60000")));
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:restart-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcMessageIdRepository processed = new JdbcMessageIdRepository(database, "burst-workflow");
        bus.camel.getRegistry().bind("processed", processed);
        bus.start();
        bus.camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("eventbus:subscribe?instance=bus&tenant=acme&environment=prod&topic=burst&lagInterval=1000")
                        .process(exchange -> deliveries.incrementAndGet())
                        .idempotentConsumer(header(EventbusConstants.EVENT_ID))
                        .idempotentRepository("processed")
                        .process(exchange -> workflowRuns
                                .computeIfAbsent(
                                        exchange.getMessage().getHeader(EventbusConstants.EVENT_ID, String.class),
                                        id -> new AtomicInteger())
                                .incrementAndGet());
            }
        });

        Thread publisher = new Thread(this::publishBurst, "burst-publisher");
        publisher.start();
        Waits.waitFor(() -> workflowRuns.size() >= RESTART_AFTER, 300, "the first events");
        kafka.stop();
        Thread.sleep(2_000);
        kafka.start();
        publisher.join(TimeUnit.MINUTES.toMillis(5));
        Waits.waitFor(() -> workflowRuns.size() >= EVENTS, 300, "all events");
        Thread.sleep(1_000); // a late duplicate would show now

        System.out.printf(
                "broker restart: %d events, %d deliveries to the route, %d held back by the idempotent consumer, "
                        + "%d publish retries%n",
                EVENTS, deliveries.get(), deliveries.get() - workflowRuns.size(), publishRetries.get());
        assertThat(workflowRuns).hasSize(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            assertThat(workflowRuns.get("e-" + i)).as("event e-%d", i).hasValue(1);
        }
        assertThat(deliveries.get()).isGreaterThanOrEqualTo(EVENTS);
    }

    /** Publishes e-0..e-9999; a publish that fails (the broker away past the timeout) is sent again, same id. */
    private void publishBurst() {
        for (int i = 0; i < EVENTS; i++) {
            while (true) {
                Exchange sent = bus.publish(
                        "acme",
                        "eventbus:publish?instance=bus&topic=burst",
                        "{\"n\":" + i + "}",
                        Map.of(EventbusConstants.EVENT_ID, "e-" + i));
                if (sent.getException() == null) {
                    break;
                }
                publishRetries.incrementAndGet();
            }
        }
    }
}
