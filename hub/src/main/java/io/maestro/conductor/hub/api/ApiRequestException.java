package io.maestro.conductor.hub.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request the API refuses before it reaches the registry, e.g. an update without a config version. */
public class ApiRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiRequestException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Members the problem carries beside {@code code} (e.g. the limit a body went over); none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
