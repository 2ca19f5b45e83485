package io.maestro.conductor.hub.notary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.notary.NotaryDefinitions;
import io.maestro.conductor.notary.receipt.ReceiptSealVerifier;
import io.maestro.conductor.notary.receipt.ReceiptSeals;
import io.maestro.conductor.notary.receipt.SealedChainVerification;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.sandbox.tsa.TimestampAuthority;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hub seals a tenant's receipts through its notary instance on the sandbox TSA, governed by the real policy. */
class ReceiptSealRouteTest extends HubIntegrationTest {

    @Autowired
    Registry registry;

    @Autowired
    ReceiptSealRoute route;

    @Autowired
    ReceiptSeals seals;

    @Autowired
    CamelContext camel;

    @Test
    void aTenantsReceiptsAreSealedAndVerifyAgainstTheTsaRoot() {
        Actor actor = new Actor("receipt-seal-test");
        try (TimestampAuthority tsa = TimestampAuthority.start()) {
            registry.secrets().put(actor, "orbit", "prod", "notary-signing", "orbit-signing-secret-0123456789abcdef");
            registry.install(
                    actor,
                    "orbit",
                    "prod",
                    "notary",
                    new InstallRequest(
                            NotaryDefinitions.BACKEND,
                            null,
                            JsonNodeFactory.instance
                                    .objectNode()
                                    .put(NotaryDefinitions.SIGNING_KEY, "secret:notary-signing")
                                    .put(NotaryDefinitions.TSA_URL, tsa.url().toString())
                                    .put(NotaryDefinitions.TSA_CERTIFICATE, tsa.caPem()),
                            "us-east-1"));
            try {
                for (int round = 0; round < 20 && !seals.unsealed("orbit", 1).isEmpty(); round++) {
                    route.sealAll(camel.createProducerTemplate());
                }

                SealedChainVerification check = new ReceiptSealVerifier(registry.receipts(), seals)
                        .verify("orbit", List.of(tsa.caCertificate()));
                assertThat(check.valid()).as(String.valueOf(check.firstBad())).isTrue();
                assertThat(check.sealed()).isPositive();
                assertThat(check.unsealed()).isZero();
                assertThat(tsa.issued()).isEqualTo((int) check.sealed());
                assertThat(seals.all("lumen"))
                        .as("a tenant without a notary instance is not sealed")
                        .isEmpty();
            } finally {
                registry.uninstall(actor, "orbit", "prod", "notary");
            }
        }
    }
}
