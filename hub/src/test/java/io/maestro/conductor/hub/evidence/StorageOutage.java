package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.hub.health.AdapterHealthService;
import io.maestro.conductor.hub.health.AdapterStatsFlush;
import io.maestro.conductor.hub.health.HealthInventory;
import io.maestro.conductor.storage.StorageConstants;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Direct {@code storage:put_object} calls to one of {@value StorageHub#TENANT}'s instances on the test S3 peer, and
 * an outage of that peer: enough failed puts while it is stopped to outnumber whatever else the health window holds
 * (tests share one hub), then the peer back.
 */
record StorageOutage(ProducerTemplate template, String environment, String instance, String dataRegion) {

    Exchange put() {
        return template.request("storage:put_object?instance=" + instance, exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, StorageHub.TENANT);
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, environment);
            exchange.getMessage().setHeader(AdapterHeaders.DATA_REGION, dataRegion);
            exchange.getMessage().setHeader(StorageConstants.KEY, "health/" + UUID.randomUUID() + ".txt");
            exchange.getMessage().setBody("health".getBytes());
        });
    }

    /** Stops the peer, makes more failed puts than the window's other calls, starts it again; how many failed. */
    long failOutnumbering(long requestsInWindow, long errorsInWindow) {
        long failures = Math.max(1, requestsInWindow - 2 * errorsInWindow + 1);
        StorageHub.S3.stop();
        try {
            for (int i = 0; i < failures; i++) {
                assertThat(put().getException()).isNotNull();
            }
        } finally {
            StorageHub.S3.start();
        }
        return failures;
    }

    /** What the flush route does, now rather than at its next tick. */
    static void flushHealth(HealthInventory inventory, AdapterStatsFlush flush, AdapterHealthService health) {
        inventory.refresh();
        flush.flush();
        health.refresh();
    }
}
