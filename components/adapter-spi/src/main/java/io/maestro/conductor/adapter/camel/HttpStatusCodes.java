package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterErrorCode;
import io.maestro.conductor.adapter.AdapterErrorCode.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What an HTTP status from a backend means, as a neutral {@link Kind}, and the component's own code for it: every
 * HTTP-backed adapter maps statuses the same way.
 */
public final class HttpStatusCodes {

    private HttpStatusCodes() {}

    /** 404/410 not found, 401/403 refused, 408/502/503/504 unreachable, 409/412 conflict, 429 throttled, other 4xx invalid, other 5xx failed. */
    public static Kind kindOf(int status) {
        switch (status) {
            case 404:
            case 410:
                return Kind.NOT_FOUND;
            case 401:
            case 403:
                return Kind.REFUSED;
            case 408:
            case 502:
            case 503:
            case 504:
                return Kind.UNREACHABLE;
            case 409:
            case 412:
                return Kind.CONFLICT;
            case 429:
                return Kind.THROTTLED;
            default:
                return status >= 400 && status < 500 ? Kind.INVALID : Kind.FAILED;
        }
    }

    /**
     * The component's code for a status: its code of the status's kind, or {@code otherwise} when it has none (e.g.
     * storage has no code for throttling and answers {@code STORAGE_FAILED}, which is transient too).
     */
    public static <C extends AdapterErrorCode> C codeFor(int status, Map<Kind, C> codes, C otherwise) {
        C code = codes.get(kindOf(status));
        return code != null ? code : otherwise;
    }

    /**
     * An HTTP {@code Retry-After} value (RFC 9110 section 10.2.3: delay-seconds or an HTTP-date) as a wait from now;
     * null when absent or unreadable, zero for a date in the past.
     */
    public static Duration retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
