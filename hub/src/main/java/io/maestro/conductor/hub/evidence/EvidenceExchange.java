package io.maestro.conductor.hub.evidence;

/** Names the evidence-upload route (routes/evidence-upload.yaml) and its Java steps share. */
final class EvidenceExchange {

    static final String ROUTE = "direct:evidence-upload";
    /** The {@link EvidenceBundle} being uploaded. */
    static final String BUNDLE = "evidenceBundle";
    /** The storage instance the route writes to (set by the route). */
    static final String INSTANCE = "evidenceInstance";
    static final String MANIFEST_SHA256 = "evidenceManifestSha256";
    static final String RECEIPT_ID = "evidenceReceiptId";
    /** Set when a dead letter is being retried: a new failure updates that dead letter instead of adding one. */
    static final String DEAD_LETTER_ID = "evidenceDeadLetterId";

    private EvidenceExchange() {
    }
}
