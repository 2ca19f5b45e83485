package io.maestro.conductor.hub.notary;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.notary.NotaryComponent;
import io.maestro.conductor.notary.Seal;
import io.maestro.conductor.notary.receipt.ReceiptSeals;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.Tenant;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Route {@code receipt-seals}: every {@code conductor.notary.receipts.interval}, each tenant that has its notary
 * instance gets its unsealed receipts sealed through {@code notary:seal} (governed like any adapter call, actor
 * {@value #ACTOR}). A failure (the TSA down) stops that tenant's round; its receipts wait for the next one, so
 * nothing is lost and nothing is sealed twice.
 */
@Component
public class ReceiptSealRoute extends RouteBuilder {

    static final String ACTOR = "system:receipt-seals";
    private static final Logger LOG = LoggerFactory.getLogger("conductor.notary");

    private final Registry registry;
    private final ReceiptSeals seals;
    private final ReceiptSealProperties properties;

    public ReceiptSealRoute(Registry registry, ReceiptSeals seals, ReceiptSealProperties properties) {
        this.registry = registry;
        this.seals = seals;
        this.properties = properties;
    }

    @Override
    public void configure() {
        long every = properties.interval().toMillis();
        from("timer:receipt-seals?delay=" + every + "&period=" + every)
                .routeId("receipt-seals")
                .process(exchange -> sealAll(exchange.getContext().createProducerTemplate()));
    }

    /**
     * One sealing round over every tenant (what the timer runs; callable on its own, e.g. by an operator tool).
     * Rounds on one hub take turns: the cluster singleton keeps other hubs out, but a direct call could overlap the
     * timer's round and ask the TSA twice for the same receipts.
     */
    public synchronized void sealAll(ProducerTemplate template) {
        for (Tenant tenant : registry.tenants()) {
            String id = tenant.id();
            boolean hasNotary = registry.instance(id, properties.environment(), properties.instance())
                    .filter(instance ->
                            NotaryComponent.CATEGORY.equals(instance.category().id()))
                    .isPresent();
            if (!hasNotary) {
                continue;
            }
            try {
                int sealed = seals.sealPending(
                        id,
                        content -> seal(template, id, content),
                        id + "/" + properties.environment() + "/" + properties.instance(),
                        properties.batch());
                if (sealed > 0) {
                    LOG.info("event=receipts_sealed tenant={} count={}", id, sealed);
                }
            } catch (AdapterException failed) {
                LOG.warn(
                        "event=receipt_seal_failed tenant={} code={}",
                        id,
                        failed.code().name());
            }
        }
    }

    private Seal seal(ProducerTemplate template, String tenant, byte[] content) {
        Exchange sealed = template.request("notary:seal?instance=" + properties.instance(), exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, tenant);
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, properties.environment());
            exchange.getMessage().setHeader(AdapterHeaders.ACTOR, ACTOR);
            exchange.getMessage().setBody(content);
        });
        if (sealed.getException() instanceof AdapterException failed) {
            throw failed;
        }
        if (sealed.getException() != null) {
            throw new IllegalStateException("sealing a receipt failed", sealed.getException());
        }
        return sealed.getMessage().getBody(Seal.class);
    }
}
