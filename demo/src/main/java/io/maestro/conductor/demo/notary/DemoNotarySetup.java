package io.maestro.conductor.demo.notary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.demo.DemoInstances;
import io.maestro.conductor.hub.notary.ReceiptSealProperties;
import io.maestro.conductor.notary.NotaryDefinitions;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.sandbox.tsa.TimestampAuthority;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Gives the demo tenant its receipt-sealing notary instance on the demo TSA: a signing secret generated once (the
 * vault holds the only copy; the key id is its thumbprint), the instance installed on the first start and re-pointed
 * when the TSA's port moved (an update with a receipt). The demo pins no {@code tsaCertificate}: the sandbox TSA makes
 * a new root at every start, and seals of earlier starts must still verify (their tokens carry their certificate).
 */
public class DemoNotarySetup {

    static final Actor ACTOR = Actor.system("demo-notary");
    static final String SIGNING_SECRET = "demo-notary-signing";

    private final Registry registry;
    private final TimestampAuthority tsa;
    private final DemoNotaryProperties demo;
    private final ReceiptSealProperties seals;

    public DemoNotarySetup(
            Registry registry, TimestampAuthority tsa, DemoNotaryProperties demo, ReceiptSealProperties seals) {
        this.registry = registry;
        this.tsa = tsa;
        this.demo = demo;
        this.seals = seals;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void run() {
        ObjectNode config = Json.MAPPER
                .createObjectNode()
                .put(NotaryDefinitions.SIGNING_KEY, "secret:" + SIGNING_SECRET)
                .put(NotaryDefinitions.TSA_URL, tsa.url().toString());
        DemoInstances.ensure(
                registry,
                ACTOR,
                new DemoInstances.Wanted(
                        demo.tenant(),
                        seals.environment(),
                        seals.instance(),
                        NotaryDefinitions.BACKEND,
                        demo.region(),
                        config),
                SIGNING_SECRET,
                NotaryDefinitions.TSA_URL);
    }
}
