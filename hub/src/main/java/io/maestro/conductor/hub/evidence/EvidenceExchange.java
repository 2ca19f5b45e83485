package io.maestro.conductor.hub.evidence;

import io.maestro.conductor.adapter.AdapterHeaders;
import org.apache.camel.Message;
import org.slf4j.MDC;

/** Names the evidence-upload route (routes/evidence-upload.yaml) and its Java steps share. */
final class EvidenceExchange {

    static final String ROUTE = "direct:evidence-upload";
    /** The {@link EvidenceBundle} being uploaded. */
    static final String BUNDLE = "evidenceBundle";
    /** The storage instance the route writes to (set by the route). */
    static final String INSTANCE = "evidenceInstance";
    /** The storage endpoint the bundle's objects went to, as the storage adapter reported it. */
    static final String ENDPOINT = "evidenceEndpoint";

    static final String MANIFEST_SHA256 = "evidenceManifestSha256";
    static final String RECEIPT_ID = "evidenceReceiptId";
    /** The {@link EvidenceStored} answer, set with the receipt. */
    static final String REPLY = "evidenceReply";
    /** Set when a dead letter is being retried: a new failure updates that dead letter instead of adding one. */
    static final String DEAD_LETTER_ID = "evidenceDeadLetterId";

    private EvidenceExchange() {}

    /** Who asks, for whom: the headers every adapter call needs, and the API call's correlation id. */
    static void caller(Message message, String tenant, String environment, String actor) {
        message.setHeader(AdapterHeaders.TENANT, tenant);
        message.setHeader(AdapterHeaders.ENVIRONMENT, environment);
        message.setHeader(AdapterHeaders.ACTOR, actor);
        String correlationId = MDC.get("correlationId");
        if (correlationId != null) {
            message.setHeader(AdapterHeaders.CORRELATION_ID, correlationId);
        }
    }
}
