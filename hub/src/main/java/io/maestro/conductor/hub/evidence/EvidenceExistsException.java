package io.maestro.conductor.hub.evidence;

import io.maestro.conductor.hub.api.ApiRequestException;
import org.springframework.http.HttpStatus;

/** The bundle id is taken in this tenant and environment: 409 {@value #EXISTS} or {@value #IN_PROGRESS}. */
public class EvidenceExistsException extends ApiRequestException {

    public static final String EXISTS = "EVIDENCE_EXISTS";
    public static final String IN_PROGRESS = "EVIDENCE_UPLOAD_IN_PROGRESS";

    public EvidenceExistsException(String code, String message) {
        super(HttpStatus.CONFLICT, code, message);
    }
}
