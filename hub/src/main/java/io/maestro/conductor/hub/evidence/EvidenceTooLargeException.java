package io.maestro.conductor.hub.evidence;

import io.maestro.conductor.hub.api.ApiRequestException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An evidence upload over one of its size limits: 413 with code {@value #CODE}, the limit's name and its bytes. */
public class EvidenceTooLargeException extends ApiRequestException {

    public static final String CODE = "EVIDENCE_TOO_LARGE";

    private final String limit;
    private final long limitBytes;

    public EvidenceTooLargeException(String what, String limit, long limitBytes, String hint) {
        super(
                HttpStatus.PAYLOAD_TOO_LARGE,
                CODE,
                what + " is over the limit of " + limitBytes + " bytes (" + limit + ")"
                        + (hint == null ? "" : "; " + hint));
        this.limit = limit;
        this.limitBytes = limitBytes;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("limit", limit, "limitBytes", limitBytes);
    }
}
