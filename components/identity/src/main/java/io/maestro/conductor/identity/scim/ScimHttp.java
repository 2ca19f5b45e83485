package io.maestro.conductor.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import io.maestro.conductor.identity.provisioning.Retries;
import io.maestro.conductor.identity.provisioning.RetryAfter;
import io.maestro.conductor.identity.provisioning.RetryableFailure;
import io.maestro.conductor.identity.provisioning.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * SCIM requests over HTTP/1.1 with {@code application/scim+json}, the bearer token, retries per
 * {@link RetryPolicy}, and RFC 7644 §3.12 error bodies turned into identity codes whose message names the
 * {@code scimType}.
 */
final class ScimHttp {

    static final String MEDIA_TYPE = "application/scim+json";
    private static final int MAX_DETAIL_CHARS = 200;

    private final ScimSettings settings;
    private final HttpClient http;
    private final Retries retries;
    private final ObjectMapper json;

    ScimHttp(ScimSettings settings, HttpClient http, Sleeper sleeper, ObjectMapper json) {
        this.settings = settings;
        this.http = http;
        this.retries = new Retries(settings.retry(), sleeper, "scim_retry");
        this.json = json;
    }

    /** Runs {@code attempt} until it succeeds, fails for good, or the policy's attempts are spent. */
    <T> T withRetries(String operation, Retries.Attempt<T> attempt) {
        return retries.run(operation, attempt);
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

    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(RetryAfter::parse)
                .orElse(null);
    }
}
