package io.maestro.conductor.hub.api.request;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request body went past its bound while being read. An {@link IOException}, so whatever was reading the body
 * stops as it would on a broken connection; the API renders it as a 413 problem.
 */
public class RequestTooLargeException extends IOException {

    public static final String CODE = "REQUEST_TOO_LARGE";

    private final long limitBytes;

    public RequestTooLargeException(long limitBytes) {
        super("The request body is larger than this path accepts (" + limitBytes + " bytes)");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** The 413 answer: the code and the limit, so a client knows what to send instead. */
    public ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, getMessage());
        problem.setTitle("Request too large");
        problem.setProperty("code", CODE);
        problem.setProperty("limitBytes", limitBytes);
        return problem;
    }

    /** The exception itself or the one among {@code failure}'s causes, if any. */
    public static RequestTooLargeException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
