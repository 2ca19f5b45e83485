package io.maestro.conductor.eventbus;

import io.maestro.conductor.sandbox.eventbus.KafkaSandbox;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker stops and starts again (same port, same log directory) in the middle of a 10,000-event burst
 * (see {@link RestartBurst}). Asserted: every event reaches the workflow exactly once, none is missing.
 */
@Tag("slow")
class KafkaBrokerRestartTest {

    private final KafkaSandbox kafka = KafkaSandbox.startTransient();
    private final EventbusHarness bus = new EventbusHarness();

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

        new RestartBurst(bus, "bus", "burst", 10_000)
                .subscribe()
                .runWithRestartAfter(
                        3_000,
                        () -> {
                            kafka.stop();
                            Thread.sleep(2_000);
                            kafka.start();
                        },
                        "kafka");
    }
}
