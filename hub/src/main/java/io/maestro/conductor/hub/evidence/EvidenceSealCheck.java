package io.maestro.conductor.hub.evidence;

import io.maestro.conductor.hub.evidence.EvidenceVerification.SealReport;
import io.maestro.conductor.hub.notary.ReceiptSealProperties;
import io.maestro.conductor.notary.NotaryComponent;
import io.maestro.conductor.notary.NotaryDefinitions;
import io.maestro.conductor.notary.Seal;
import io.maestro.conductor.notary.SealCheck;
import io.maestro.conductor.notary.SealVerifier;
import io.maestro.conductor.notary.receipt.ReceiptSeals;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Checks the notary seal of the receipt an evidence bundle relies on, offline: the JWS over the receipt's canonical
 * JSON with the key the seal carries (its {@code kid} must be that key's thumbprint) and the RFC 3161 token over the
 * same bytes, chained to the {@code tsaCertificate} pinned on the tenant's receipt-sealing notary instance when it has
 * one. No TSA or vault is called. A receipt rewritten together with its hash (and the objects it names) fails here.
 */
public class EvidenceSealCheck {

    private final Registry registry;
    private final ReceiptSeals seals;
    private final ReceiptSealProperties properties;

    public EvidenceSealCheck(Registry registry, ReceiptSeals seals, ReceiptSealProperties properties) {
        this.registry = registry;
        this.seals = seals;
        this.properties = properties;
    }

    public SealReport check(Receipt receipt) {
        Optional<Seal> seal = seals.find(receipt.tenant(), receipt.id());
        if (seal.isEmpty()) {
            return seals.sealedAfter(receipt.tenant(), receipt.seq())
                    ? SealReport.missing("a newer receipt is sealed but this one has no seal: its seal was removed")
                    : SealReport.unsealed();
        }
        List<X509Certificate> roots = pinnedTsaRoots(receipt.tenant());
        SealCheck check = SealVerifier.verify(seal.get(), ReceiptLedger.canonical(receipt), roots);
        return new SealReport(
                check.valid() ? SealReport.VERIFIED : SealReport.INVALID,
                check.keyId(),
                seal.get().timestampedAt(),
                !roots.isEmpty(),
                check.problem());
    }

    private List<X509Certificate> pinnedTsaRoots(String tenant) {
        return registry.instance(tenant, properties.environment(), properties.instance())
                .filter(instance ->
                        NotaryComponent.CATEGORY.equals(instance.category().id()))
                .map(instance -> instance.config()
                        .path(NotaryDefinitions.TSA_CERTIFICATE)
                        .asText(""))
                .filter(pem -> !pem.isBlank())
                .map(NotaryDefinitions::certificates)
                .orElse(List.of());
    }
}
