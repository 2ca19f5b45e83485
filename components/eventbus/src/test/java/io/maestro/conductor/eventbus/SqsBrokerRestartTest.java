package io.maestro.conductor.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.sandbox.eventbus.ElasticMqSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ElasticMQ stops and starts again on the same port in the middle of a 10,000-event burst (see {@link RestartBurst}),
 * with its message storage on (queues and messages in an H2 file, {@link ElasticMqSandbox#startPersistent()}), so
 * the messages it had acknowledged and not yet had deleted are there again after the restart. Asserted: every event
 * reaches the workflow exactly once, none is missing; the publisher saw the broker away (it retried).
 */
@Tag("slow")
class SqsBrokerRestartTest {

    private final ElasticMqSandbox elasticMq = ElasticMqSandbox.startPersistent();
    private final EventbusHarness bus = new EventbusHarness();

    @AfterEach
    void stop() {
        bus.close();
        elasticMq.close();
    }

    @Test
    void everyEventOfABurstRunsTheWorkflowOnceAcrossABrokerRestart() throws Exception {
        bus.secrets
                .put("acme", "prod", "sqs-access", ElasticMqSandbox.ACCESS_KEY)
                .put("acme", "prod", "sqs-secret", ElasticMqSandbox.SECRET_KEY);
        // Received up to 10 times before the redrive policy gives up on it: a restart may return a message whose
        // delete it never saw, and that must not push it into the dead letters.
        bus.instances.put(Instances.sqs("acme", "prod", "queues", elasticMq, 10));

        RestartBurst burst = new RestartBurst(bus, "queues", "burst", 10_000).subscribe();
        burst.runWithRestartAfter(
                3_000,
                () -> {
                    elasticMq.stop();
                    Thread.sleep(2_000);
                    elasticMq.start();
                },
                "sqs");

        assertThat(burst.publishRetries())
                .as("publishes refused while ElasticMQ was away")
                .isPositive();
    }
}
