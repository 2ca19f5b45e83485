package io.maestro.conductor.hub.evidence;

/** The evidence request is malformed; answered 400 with code {@value #CODE} and never sent to storage. */
public class EvidenceRequestException extends RuntimeException {

    public static final String CODE = "EVIDENCE_INVALID";

    public EvidenceRequestException(String message) {
        super(message);
    }
}
