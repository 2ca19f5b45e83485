package io.maestro.conductor.hub.notary;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which notary instance seals each tenant's provenance receipts: {@code conductor.notary.receipts.*}. A tenant with
 * no such instance has its receipts unsealed (the hash chain still protects them).
 *
 * @param environment the environment of the tenant's notary instance
 * @param instance    its name
 * @param interval    how often unsealed receipts are looked for
 * @param batch       at most this many receipts per tenant and round
 */
@ConfigurationProperties("conductor.notary.receipts")
public record ReceiptSealProperties(String environment, String instance, Duration interval, Integer batch) {

    public ReceiptSealProperties {
        environment = environment == null ? "prod" : environment;
        instance = instance == null ? "notary" : instance;
        interval = interval == null ? Duration.ofSeconds(30) : interval;
        batch = batch == null ? 100 : batch;
    }
}
