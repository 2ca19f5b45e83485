package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.evidence.EvidenceVerification.ObjectCheck;
import io.maestro.conductor.hub.evidence.EvidenceVerification.SealReport;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.storage.StorageConstants;
import io.maestro.conductor.storage.StorageErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Re-hashes a stored bundle's objects, read back as streams through the same storage instance that wrote them
 * ({@code storage:get_object}, governed like every adapter call), against the SHA-256 values in the bundle's
 * provenance receipt, which the hash chain protects. An object changed or removed behind the hub's back (directly
 * in the bucket) makes the bundle invalid, and so does a receipt whose notary seal fails ({@link EvidenceSealCheck}):
 * someone who rewrote the receipt and recomputed its hash cannot forge the seal. Counts results in {@value #METRIC}{@code {result}}.
 */
public class EvidenceVerifier {

    static final String METRIC = "conductor.evidence.verifications";
    private static final Logger LOG = LoggerFactory.getLogger("conductor.evidence");

    private final ProducerTemplate template;
    private final EvidenceClaims claims;
    private final ReceiptLedger ledger;
    private final EvidenceSealCheck sealCheck;
    private final MeterRegistry meters;

    public EvidenceVerifier(
            ProducerTemplate template,
            EvidenceClaims claims,
            ReceiptLedger ledger,
            EvidenceSealCheck sealCheck,
            MeterRegistry meters) {
        this.template = template;
        this.claims = claims;
        this.ledger = ledger;
        this.sealCheck = sealCheck;
        this.meters = meters;
    }

    public EvidenceVerification verify(String tenant, String environment, String bundleId, String actor) {
        EvidenceClaims.Row bundle = claims.find(tenant, environment, bundleId)
                .filter(row -> EvidenceClaims.STORED.equals(row.status()))
                .orElseThrow(() -> new ApiRequestException(
                        HttpStatus.NOT_FOUND,
                        "EVIDENCE_NOT_FOUND",
                        "no stored evidence bundle '" + bundleId + "' in environment '" + environment + "'"));
        Receipt receipt = ledger.find(tenant, bundle.receiptId()).orElse(null);
        List<ObjectCheck> files = new ArrayList<>();
        ObjectCheck manifest = null;
        if (receipt != null) {
            JsonNode changeSet = receipt.changeSet();
            for (JsonNode file : changeSet.path("files")) {
                files.add(check(
                        bundle,
                        actor,
                        file.path("name").asText(null),
                        file.path("key").asText(),
                        file.path("sha256").asText()));
            }
            JsonNode receipted = changeSet.path("manifest");
            manifest = check(
                    bundle,
                    actor,
                    EvidenceKeys.MANIFEST,
                    receipted.path("key").asText(),
                    receipted.path("sha256").asText());
        }
        boolean intact = receipt != null && ReceiptLedger.intact(receipt);
        SealReport seal = receipt == null ? null : sealCheck.check(receipt);
        boolean valid = intact
                && seal.acceptable()
                && manifest != null
                && EvidenceVerification.OK.equals(manifest.status())
                && files.stream().allMatch(file -> EvidenceVerification.OK.equals(file.status()));
        meters.counter(METRIC, "result", valid ? "valid" : "invalid").increment();
        if (!valid) {
            LOG.warn(
                    "event=evidence_invalid tenant={} environment={} bundle_id={} receipt_id={} receipt_intact={}"
                            + " seal={}",
                    tenant,
                    environment,
                    bundleId,
                    bundle.receiptId(),
                    intact,
                    seal == null ? null : seal.status());
        }
        return new EvidenceVerification(
                bundleId,
                tenant,
                environment,
                bundle.instance(),
                bundle.receiptId(),
                intact,
                valid,
                seal,
                files,
                manifest);
    }

    private ObjectCheck check(EvidenceClaims.Row bundle, String actor, String name, String key, String expected) {
        Exchange read = template.send("storage:get_object?instance=" + bundle.instance(), exchange -> {
            EvidenceExchange.caller(exchange.getMessage(), bundle.tenant(), bundle.environment(), actor);
            exchange.getMessage().setHeader(StorageConstants.KEY, key);
        });
        if (read.getException() instanceof AdapterException failed) {
            return failed.code() == StorageErrorCode.STORAGE_NOT_FOUND
                    ? new ObjectCheck(name, key, EvidenceVerification.MISSING, expected, null, null, null)
                    : new ObjectCheck(
                            name,
                            key,
                            EvidenceVerification.UNREADABLE,
                            expected,
                            null,
                            null,
                            failed.code().name());
        }
        if (read.getException() != null) {
            throw new IllegalStateException("reading " + key + " failed", read.getException());
        }
        MessageDigest sha256 = EvidenceSpool.sha256();
        long size;
        try (InputStream in = read.getMessage().getBody(InputStream.class);
                OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            size = in.transferTo(out);
        } catch (IOException e) {
            return new ObjectCheck(
                    name,
                    key,
                    EvidenceVerification.UNREADABLE,
                    expected,
                    null,
                    null,
                    StorageErrorCode.STORAGE_UNREACHABLE.name());
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        return new ObjectCheck(
                name,
                key,
                actual.equals(expected) ? EvidenceVerification.OK : EvidenceVerification.MISMATCH,
                expected,
                actual,
                size,
                null);
    }
}
