package io.maestro.conductor.notary.receipt;

import io.maestro.conductor.notary.Seal;
import io.maestro.conductor.notary.SealCheck;
import io.maestro.conductor.notary.SealVerifier;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a tenant's receipt seals offline, straight from SQL: each seal over the receipt's canonical JSON as stored
 * now, with the TSA roots given. A receipt edited after it was sealed fails here even if whoever edited it also
 * recomputed the hash chain: the timestamp, signed outside the hub, still names the old content.
 */
public final class ReceiptSealVerifier {

    private final ReceiptLedger ledger;
    private final ReceiptSeals seals;

    public ReceiptSealVerifier(ReceiptLedger ledger, ReceiptSeals seals) {
        this.ledger = ledger;
        this.seals = seals;
    }

    public SealedChainVerification verify(String tenant, Collection<X509Certificate> tsaRoots) {
        Map<String, Seal> byReceipt = seals.all(tenant);
        List<Receipt> receipts = ledger.list(tenant);
        long unsealed = receipts.stream()
                .filter(receipt -> !byReceipt.containsKey(receipt.id()))
                .count();
        long sealed = 0;
        for (Receipt receipt : receipts) {
            Optional<Seal> seal = Optional.ofNullable(byReceipt.get(receipt.id()));
            if (seal.isEmpty()) {
                continue;
            }
            sealed++;
            SealCheck check = SealVerifier.verify(seal.get(), ReceiptLedger.canonical(receipt), tsaRoots);
            if (!check.valid()) {
                return new SealedChainVerification(
                        tenant,
                        sealed,
                        unsealed,
                        false,
                        new SealedChainVerification.BadSeal(
                                receipt.seq(), receipt.id(), check.keyId(), check.problem()));
            }
        }
        return new SealedChainVerification(tenant, sealed, unsealed, true, null);
    }
}
