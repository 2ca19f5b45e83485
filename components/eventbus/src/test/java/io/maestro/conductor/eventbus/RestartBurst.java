package io.maestro.conductor.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A burst of events published through {@code eventbus:publish} and consumed through {@code eventbus:subscribe} while
 * the broker is stopped and started again. The worker route puts Camel's idempotent consumer with a SQL repository
 * (H2) on the event id before its "workflow". Deliveries to the route may exceed the burst (at least once); the
 * workflow must run exactly once per event.
 */
final class RestartBurst {

    /** Stops the broker, waits, starts it again on the same port and storage. */
    interface Restart {
        void run() throws Exception;
    }

    private final EventbusHarness bus;
    private final String instance;
    private final String topic;
    private final int events;
    private final Map<String, AtomicInteger> workflowRuns = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger publishRetries = new AtomicInteger();

    RestartBurst(EventbusHarness bus, String instance, String topic, int events) {
        this.bus = bus;
        this.instance = instance;
        this.topic = topic;
        this.events = events;
    }

    /** Starts the harness with the worker route on the topic (tenant acme, environment prod). */
    RestartBurst subscribe() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:restart-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        bus.camel.getRegistry().bind("processed", new JdbcMessageIdRepository(database, "burst-workflow"));
        bus.start();
        bus.camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("eventbus:subscribe?instance=" + instance + "&tenant=acme&environment=prod&topic=" + topic
                                + "&lagInterval=1000")
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
        return this;
    }

    /**
     * Publishes the burst on a thread of its own, restarts the broker once {@code restartAfter} events ran the
     * workflow, then waits for all of them and asserts each ran exactly once.
     */
    void runWithRestartAfter(int restartAfter, Restart restart, String backend) throws Exception {
        long started = System.nanoTime();
        Thread publisher = new Thread(this::publishBurst, "burst-publisher");
        publisher.start();
        Waits.waitFor(() -> workflowRuns.size() >= restartAfter, 600, "the first events");
        int beforeRestart = workflowRuns.size();
        restart.run();
        publisher.join(TimeUnit.MINUTES.toMillis(10));
        assertThat(publisher.isAlive()).as("the publisher finished").isFalse();
        Waits.waitFor(() -> workflowRuns.size() >= events, 600, "all events");
        Thread.sleep(1_000); // a late duplicate would show now

        System.out.printf(
                "%s broker restart after %d workflow runs: %d events, %d deliveries to the route, %d held back by the "
                        + "idempotent consumer, %d publish retries, %.0f s%n",
                backend,
                beforeRestart,
                events,
                deliveries.get(),
                deliveries.get() - workflowRuns.size(),
                publishRetries.get(),
                (System.nanoTime() - started) / 1e9);
        assertThat(workflowRuns).hasSize(events);
        for (int i = 0; i < events; i++) {
            assertThat(workflowRuns.get("e-" + i)).as("event e-%d", i).hasValue(1);
        }
        assertThat(deliveries.get()).isGreaterThanOrEqualTo(events);
    }

    int publishRetries() {
        return publishRetries.get();
    }

    /** Publishes e-0..e-(n-1); a publish that fails (the broker away past the timeout) is sent again, same id. */
    private void publishBurst() {
        for (int i = 0; i < events; i++) {
            while (true) {
                Exchange sent = bus.publish(
                        "acme",
                        "eventbus:publish?instance=" + instance + "&topic=" + topic,
                        "{\"n\":" + i + "}",
                        Map.of(EventbusConstants.EVENT_ID, "e-" + i));
                if (sent.getException() == null) {
                    break;
                }
                publishRetries.incrementAndGet();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
