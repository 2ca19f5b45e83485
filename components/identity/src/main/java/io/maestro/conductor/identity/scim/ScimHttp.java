package io.maestro.conductor.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCIM requests over HTTP/1.1 with {@code application/scim+json}, the bearer token, retries per
 * {@link RetryPolicy}, and RFC 7644 §3.12 error bodies turned into identity codes whose message names the
 * {@code scimType}.
 */
final class ScimHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ScimHttp.class);
    static final String MEDIA_TYPE = "application/scim+json";
    private static final int MAX_DETAIL_CHARS = 200;

    private final ScimSettings settings;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final ObjectMapper json;

    ScimHttp(ScimSettings settings, HttpClient http, Sleeper sleeper, ObjectMapper json) {
        this.settings = settings;
        this.http = http;
        this.sleeper = sleeper;
        this.json = json;
    }

    /** A failure worth another attempt: 429, 5xx, or no answer. */
    static final class RetryableFailure extends Exception {
        private final String description;
        private final Duration retryAfter;

        RetryableFailure(String description, Duration retryAfter) {
            super(description, null, false, false);
            this.description = description;
            this.retryAfter = retryAfter;
        }
    }

    /** Runs {@code attempt} until it succeeds, fails for good, or the policy's attempts are spent. */
    <T> T withRetries(String operation, Callable<T> attempt) {
        RetryPolicy policy = settings.retry();
        for (int tried = 1; ; tried++) {
            try {
                return attempt.call();
            } catch (RetryableFailure failure) {
                if (tried >= policy.maxAttempts()) {
                    throw new IdentityException(
                            IdentityErrorCode.SCIM_UNAVAILABLE,
                            operation + " failed after " + tried + " attempts: " + failure.description);
                }
                Duration wait = failure.retryAfter != null ? failure.retryAfter : policy.backoff(tried);
                if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                    throw new IdentityException(
                            IdentityErrorCode.SCIM_UNAVAILABLE,
                            operation + ": " + failure.description + "; the server asks to wait " + wait.toSeconds()
                                    + " s, more than " + policy.maxRetryAfter().toSeconds() + " s");
                }
                LOG.atWarn()
                        .addKeyValue("event", "scim_retry")
                        .addKeyValue("operation", operation)
                        .addKeyValue("attempt", tried)
                        .addKeyValue("waitMs", wait.toMillis())
                        .log("SCIM call failed ({}), retrying", failure.description);
                pause(wait);
            } catch (IdentityException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(operation + " failed", e);
            }
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(IdentityErrorCode.SCIM_UNAVAILABLE, "interrupted while waiting to retry");
        }
    }

    /**
     * One request, no retry. 2xx gives the body (empty for 204); 404 gives empty when {@code absentIsEmpty};
     * 429/5xx/no answer throw {@link RetryableFailure}; anything else an {@link IdentityException}.
     */
    Optional<JsonNode> sendOnce(String method, String path, JsonNode body, boolean absentIsEmpty)
            throws RetryableFailure {
        URI uri = settings.baseUri().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", MEDIA_TYPE)
                .header("Authorization", "Bearer " + settings.bearerToken());
        if (body != null) {
            request.header("Content-Type", MEDIA_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String what = method + " " + uri.getPath();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RetryableFailure(what + " got no answer (" + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(IdentityErrorCode.SCIM_UNAVAILABLE, what + " interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(response.body(), what);
        }
        if (status == 404 && absentIsEmpty) {
            return Optional.empty();
        }
        String error = describe(what, status, response.body());
        if (status == 429 || status >= 500) {
            throw new RetryableFailure(error, retryAfter(response));
        }
        throw new IdentityException(codeFor(status), error);
    }

    private Optional<JsonNode> parse(String body, String what) {
        if (body == null || body.isBlank()) {
            return Optional.of(json.nullNode());
        }
        try {
            return Optional.of(json.readTree(body));
        } catch (IOException e) {
            throw new IdentityException(
                    IdentityErrorCode.SCIM_RESPONSE_INVALID, what + " answered a body that is not JSON");
        }
    }

    private static IdentityErrorCode codeFor(int status) {
        return switch (status) {
            case 401, 403 -> IdentityErrorCode.SCIM_UNAUTHORIZED;
            case 404 -> IdentityErrorCode.SCIM_NOT_FOUND;
            case 409, 412 -> IdentityErrorCode.SCIM_CONFLICT;
            default -> IdentityErrorCode.SCIM_REQUEST_INVALID;
        };
    }

    /** "POST /Users answered 409, scimType uniqueness: detail" from an RFC 7644 error body, when there is one. */
    private String describe(String what, int status, String body) {
        StringBuilder text = new StringBuilder(what).append(" answered ").append(status);
        try {
            JsonNode error = body == null || body.isBlank() ? null : json.readTree(body);
            if (error != null && error.isObject()) {
                String scimType = error.path("scimType").asText("");
                String detail = error.path("detail").asText("");
                if (!scimType.isEmpty()) {
                    text.append(", scimType ").append(scimType);
                }
                if (!detail.isEmpty()) {
                    text.append(": ")
                            .append(
                                    detail.length() > MAX_DETAIL_CHARS
                                            ? detail.substring(0, MAX_DETAIL_CHARS) + "…"
                                            : detail);
                }
            }
        } catch (IOException e) {
            // Not an RFC 7644 error body (a proxy's HTML page, say): the status says enough.
        }
        return text.toString();
    }

    /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. */
    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
