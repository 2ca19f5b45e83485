package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provenance receipt of a stored bundle, written in one transaction with the bundle's claim turning
 * {@code STORED}: a bundle is receipted exactly once, and a bundle without a receipt is never marked stored.
 */
public class EvidenceReceipts {

    private final ReceiptLedger ledger;
    private final EvidenceClaims claims;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public EvidenceReceipts(ReceiptLedger ledger, EvidenceClaims claims, DataSource dataSource, ObjectMapper json) {
        this.ledger = ledger;
        this.claims = claims;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.json = json;
    }

    /**
     * Appends the receipt and completes the claim.
     *
     * @param replyFor the reply to the upload, given the receipt id; kept for identical replays
     */
    public EvidenceStored record(
            EvidenceBundle bundle,
            String instance,
            String endpoint,
            String actor,
            String manifestSha256,
            Function<String, EvidenceStored> replyFor) {
        return tx.execute(status -> {
            Receipt receipt = ledger.append(
                    bundle.tenant(),
                    bundle.environment(),
                    actor,
                    ReceiptAction.EVIDENCE_STORED,
                    instance,
                    changeSet(bundle, endpoint, manifestSha256));
            EvidenceStored reply = replyFor.apply(receipt.id());
            claims.complete(bundle, instance, reply, receipt.timestamp());
            return reply;
        });
    }

    private ObjectNode changeSet(EvidenceBundle bundle, String endpoint, String manifestSha256) {
        ObjectNode changeSet = json.createObjectNode()
                .put("bundleId", bundle.bundleId())
                .put("endpoint", endpoint)
                .put("region", bundle.region())
                .put("classification", bundle.classification());
        changeSet.putObject("manifest").put("key", bundle.manifestKey()).put("sha256", manifestSha256);
        ArrayNode files = changeSet.putArray("files");
        bundle.files()
                .forEach(file -> files.addObject()
                        .put("name", file.name())
                        .put("key", file.key())
                        .put("sha256", file.sha256())
                        .put("size", file.size()));
        return changeSet;
    }
}
