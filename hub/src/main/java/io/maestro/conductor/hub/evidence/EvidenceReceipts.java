package io.maestro.conductor.hub.evidence;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.registry.store.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One provenance receipt per stored bundle, however often the bundle is sent or retried: the receipt and the
 * {@code evidence_upload} row that remembers it are written in one transaction, and a bundle that has a row gets
 * its existing receipt back.
 */
public class EvidenceReceipts {

    private final ReceiptLedger ledger;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public EvidenceReceipts(ReceiptLedger ledger, DataSource dataSource, ObjectMapper json) {
        this.ledger = ledger;
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.json = json;
    }

    /** @return the id of the bundle's receipt, new or existing */
    public String record(EvidenceBundle bundle, String instance, String actor, String manifestSha256) {
        try {
            return tx.execute(status -> existing(bundle).orElseGet(() -> append(bundle, instance, actor, manifestSha256)));
        } catch (DuplicateKeyException raced) {
            // The same bundle was receipted concurrently; that transaction won and ours rolled back whole.
            return existing(bundle).orElseThrow(() -> raced);
        }
    }

    private Optional<String> existing(EvidenceBundle bundle) {
        List<String> ids = jdbc.queryForList("SELECT receipt_id FROM evidence_upload WHERE tenant_id = ? AND bundle_id = ?",
                String.class, bundle.tenant(), bundle.bundleId());
        return ids.stream().findFirst();
    }

    private String append(EvidenceBundle bundle, String instance, String actor, String manifestSha256) {
        ObjectNode changeSet = json.createObjectNode()
                .put("bundleId", bundle.bundleId())
                .put("region", bundle.region())
                .put("classification", bundle.classification());
        changeSet.putObject("manifest").put("key", bundle.manifestKey()).put("sha256", manifestSha256);
        ArrayNode files = changeSet.putArray("files");
        bundle.files().forEach(file -> files.addObject().put("key", file.key()).put("sha256", file.sha256())
                .put("size", file.size()));
        Receipt receipt = ledger.append(bundle.tenant(), bundle.environment(), actor, ReceiptAction.EVIDENCE_STORED,
                instance, changeSet);
        jdbc.update("INSERT INTO evidence_upload (tenant_id, bundle_id, environment, instance, manifest_sha256, "
                        + "receipt_id, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)", bundle.tenant(), bundle.bundleId(),
                bundle.environment(), instance, manifestSha256, receipt.id(), Sql.timestamp(receipt.timestamp()));
        return receipt.id();
    }
}
