package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.storage.StorageConstants;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The Java steps of {@code routes/evidence-upload.yaml}: what a route cannot say (the manifest, the receipt's
 * transaction, the reply); the route itself splits the bundle into one put per file, and decides order and error
 * handling. Each step reads the {@link EvidenceBundle} from the exchange property {@value EvidenceExchange#BUNDLE}.
 * Governance is not among them: each {@code storage:put_object} asks the gate itself, once per file, so a bundle
 * whose first file is denied stores nothing (every file of a bundle carries the same data region and classification
 * to the same instance).
 */
public class EvidenceWorkflow {

    private final EvidenceReceipts receipts;
    private final ObjectMapper json;

    public EvidenceWorkflow(EvidenceReceipts receipts, ObjectMapper json) {
        this.receipts = receipts;
        this.json = json;
    }

    /** Remembers where the object just written went, and the endpoint that took it. */
    public void stored(Exchange exchange) {
        Message message = exchange.getMessage();
        exchange.setProperty(EvidenceExchange.ENDPOINT, message.getHeader(StorageConstants.ENDPOINT, String.class));
        bundle(exchange)
                .locations()
                .put(
                        message.getHeader(StorageConstants.KEY, String.class),
                        message.getHeader(StorageConstants.LOCATION, String.class));
    }

    /** Puts the manifest ({@link EvidenceManifest}: every file's key, size and SHA-256) on the message. */
    public void manifest(Exchange exchange) {
        EvidenceBundle bundle = bundle(exchange);
        EvidenceManifest manifest = EvidenceManifest.of(bundle, json);
        exchange.setProperty(EvidenceExchange.MANIFEST_SHA256, manifest.sha256());
        put(
                exchange.getMessage(),
                bundle.manifestKey(),
                "application/json",
                manifest.content().length,
                manifest.content());
    }

    /** Records the bundle's provenance receipt and the reply, and marks the bundle stored, in one transaction. */
    public void receipt(Exchange exchange) {
        EvidenceBundle bundle = bundle(exchange);
        String actor = exchange.getMessage().getHeader(AdapterHeaders.ACTOR, "anonymous", String.class);
        String manifestSha = exchange.getProperty(EvidenceExchange.MANIFEST_SHA256, String.class);
        String decisionId = exchange.getMessage().getHeader(AdapterHeaders.DECISION_ID, String.class);
        String endpoint = endpoint(exchange);
        EvidenceStored reply = receipts.record(
                bundle,
                instanceName(exchange),
                endpoint,
                actor,
                manifestSha,
                receiptId -> reply(bundle, instanceName(exchange), endpoint, receiptId, decisionId, manifestSha));
        exchange.setProperty(EvidenceExchange.RECEIPT_ID, reply.receiptId());
        exchange.setProperty(EvidenceExchange.REPLY, reply);
    }

    public EvidenceStored reply(Exchange exchange) {
        return exchange.getProperty(EvidenceExchange.REPLY, EvidenceStored.class);
    }

    private static EvidenceStored reply(
            EvidenceBundle bundle,
            String instance,
            String endpoint,
            String receiptId,
            String decisionId,
            String manifestSha) {
        List<EvidenceStored.StoredObject> files = bundle.files().stream()
                .map(file -> new EvidenceStored.StoredObject(
                        file.name(), file.key(), bundle.locations().get(file.key()), file.sha256(), file.size()))
                .toList();
        return new EvidenceStored(
                bundle.bundleId(),
                bundle.tenant(),
                bundle.environment(),
                instance,
                endpoint,
                receiptId,
                decisionId,
                files,
                new EvidenceStored.StoredObject(
                        EvidenceKeys.MANIFEST,
                        bundle.manifestKey(),
                        bundle.locations().get(bundle.manifestKey()),
                        manifestSha,
                        -1));
    }

    /** The route's answer to a policy deny: nothing was stored, and retrying would be denied again. */
    public EvidenceFailure denied(Exchange exchange) {
        PolicyDeniedException denied = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, PolicyDeniedException.class);
        return new EvidenceFailure(
                403,
                denied.code().name(),
                denied.getMessage(),
                bundle(exchange).bundleId(),
                null,
                denied.decisionId(),
                denied.reasons(),
                denied.context());
    }

    private static void put(Message message, String key, String contentType, long length, Object content) {
        message.setHeader(StorageConstants.KEY, key);
        message.setHeader(StorageConstants.CONTENT_TYPE, contentType);
        message.setHeader(StorageConstants.CONTENT_LENGTH, length);
        message.setBody(content);
    }

    private static EvidenceBundle bundle(Exchange exchange) {
        return exchange.getProperty(EvidenceExchange.BUNDLE, EvidenceBundle.class);
    }

    private static String endpoint(Exchange exchange) {
        return exchange.getProperty(EvidenceExchange.ENDPOINT, String.class);
    }

    private static String instanceName(Exchange exchange) {
        return exchange.getProperty(EvidenceExchange.INSTANCE, String.class);
    }
}
