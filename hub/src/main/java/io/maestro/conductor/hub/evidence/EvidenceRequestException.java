package io.maestro.conductor.hub.evidence;

import io.maestro.conductor.hub.api.ApiRequestException;
import org.springframework.http.HttpStatus;

/**
 * The evidence request is malformed; never sent to storage. Answered like every other refusal of the API (see
 * {@code ApiProblems}): 400 with code {@value #CODE}.
 */
public class EvidenceRequestException extends ApiRequestException {

    public static final String CODE = "EVIDENCE_INVALID";

    public EvidenceRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, CODE, message);
    }
}
