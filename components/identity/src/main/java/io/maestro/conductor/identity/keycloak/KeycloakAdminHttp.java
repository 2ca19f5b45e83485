package io.maestro.conductor.identity.keycloak;

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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Keycloak's admin REST API over the JDK client (not keycloak-admin-client: its RESTEasy breaks the Jersey that
 * SCIMple runs on in the same JVM). The access token comes from the realm's token endpoint by the client credentials
 * grant and is kept until shortly before it expires; a 401 on a kept token fetches a new one once. Errors map onto
 * the provisioning codes the SCIM backend uses (routes match one set), naming the SCIM {@code scimType} that
 * corresponds: 400 {@code invalidValue}, 409 {@code uniqueness}. Neither the secret nor the token is ever in a
 * message.
 */
final class KeycloakAdminHttp {

    /** What one request answered: status, JSON body (null node when empty), the Location header or null. */
    record Answer(int status, JsonNode body, String location) {

        /** The last path segment of Location: the id of what a POST created. */
        String createdId() {
            if (location == null) {
                throw new IdentityException(
                        IdentityErrorCode.SCIM_RESPONSE_INVALID, "Keycloak answered a create without Location");
            }
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private static final int MAX_DETAIL_CHARS = 200;
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(20);

    private final KeycloakSettings settings;
    private final HttpClient http;
    private final Retries retries;
    private final ObjectMapper json;
    private final URI adminBase;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    KeycloakAdminHttp(KeycloakSettings settings, HttpClient http, Sleeper sleeper, ObjectMapper json) {
        this.settings = settings;
        this.http = http;
        this.retries = new Retries(settings.retry(), sleeper, "keycloak_retry");
        this.json = json;
        this.adminBase = settings.baseUri().resolve("admin/realms/" + segment(settings.realm()) + "/");
    }

    <T> T withRetries(String operation, Retries.Attempt<T> attempt) {
        return retries.run(operation, attempt);
    }

    /**
     * One admin request below {@code admin/realms/<realm>/}, no retry. 2xx is the answer; 404 is the answer when
     * {@code absentIsAnswer}; 429/5xx/no answer throw {@link RetryableFailure}; anything else an
     * {@link IdentityException}.
     */
    Answer send(String method, String path, JsonNode body, boolean absentIsAnswer) throws RetryableFailure {
        URI uri = adminBase.resolve(path);
        String what = method + " " + uri.getPath();
        boolean fresh = tokenExpired();
        HttpResponse<String> response = exchange(request(uri, method, body, accessToken()), what);
        if (response.statusCode() == 401 && !fresh) {
            forgetToken(); // revoked or expired early: one new token, then a 401 is the credentials' fault
            response = exchange(request(uri, method, body, accessToken()), what);
        }
        int status = response.statusCode();
        if ((status >= 200 && status < 300) || (status == 404 && absentIsAnswer)) {
            return new Answer(
                    status,
                    parse(response.body(), what),
                    response.headers().firstValue("Location").orElse(null));
        }
        throw failure(what, response);
    }

    private HttpRequest request(URI uri, String method, JsonNode body, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    private synchronized boolean tokenExpired() {
        return token == null || Instant.now().isAfter(tokenExpires);
    }

    private synchronized void forgetToken() {
        token = null;
    }

    /** The kept token, or a new one by the client credentials grant. */
    private synchronized String accessToken() throws RetryableFailure {
        if (!tokenExpired()) {
            return token;
        }
        URI endpoint =
                settings.baseUri().resolve("realms/" + segment(settings.realm()) + "/protocol/openid-connect/token");
        String form = "grant_type=client_credentials&client_id=" + form(settings.clientId()) + "&client_secret="
                + form(settings.clientSecret());
        String what = "POST " + endpoint.getPath();
        HttpResponse<String> response = exchange(
                HttpRequest.newBuilder(endpoint)
                        .timeout(settings.timeout())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                what);
        int status = response.statusCode();
        if (status == 400 || status == 401) {
            // invalid_client / unauthorized_client: the credentials, not the request, are wrong.
            throw new IdentityException(
                    IdentityErrorCode.SCIM_UNAUTHORIZED,
                    what + " answered " + status + ": Keycloak refused the client credentials of " + settings.clientId()
                            + describeError(response.body()));
        }
        if (status != 200) {
            throw failure(what, response);
        }
        JsonNode answer = parse(response.body(), what);
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new IdentityException(IdentityErrorCode.SCIM_RESPONSE_INVALID, what + " answered no access_token");
        }
        long lifetime = answer.path("expires_in").asLong(60);
        token = accessToken;
        tokenExpires = Instant.now().plusSeconds(lifetime).minus(TOKEN_MARGIN);
        return token;
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) throws RetryableFailure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RetryableFailure(what + " got no answer (" + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(IdentityErrorCode.SCIM_UNAVAILABLE, what + " interrupted");
        }
    }

    /** Throws the retryable failure (429/5xx), returns the one that ends the call. */
    private IdentityException failure(String what, HttpResponse<String> response) throws RetryableFailure {
        int status = response.statusCode();
        String error = what + " answered " + status + scimType(status) + describeError(response.body());
        if (status == 429 || status >= 500) {
            throw new RetryableFailure(
                    error,
                    response.headers()
                            .firstValue("Retry-After")
                            .map(RetryAfter::parse)
                            .orElse(null));
        }
        return new IdentityException(codeFor(status), error);
    }

    private static IdentityErrorCode codeFor(int status) {
        return switch (status) {
            case 401, 403 -> IdentityErrorCode.SCIM_UNAUTHORIZED;
            case 404 -> IdentityErrorCode.SCIM_NOT_FOUND;
            case 409, 412 -> IdentityErrorCode.SCIM_CONFLICT;
            default -> IdentityErrorCode.SCIM_REQUEST_INVALID;
        };
    }

    /** The SCIM scimType (RFC 7644 §3.12) a Keycloak refusal corresponds to, so runbooks read one vocabulary. */
    private static String scimType(int status) {
        return switch (status) {
            case 400 -> ", scimType invalidValue";
            case 409 -> ", scimType uniqueness";
            default -> "";
        };
    }

    /** ": <errorMessage>" (or OAuth's error/error_description) from Keycloak's error body, capped; else nothing. */
    private String describeError(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = json.readTree(body);
            String message = error.path("errorMessage").asText("");
            if (message.isEmpty()) {
                message = error.path("error").asText("");
            }
            if (message.isEmpty()) {
                return "";
            }
            return ": "
                    + (message.length() > MAX_DETAIL_CHARS ? message.substring(0, MAX_DETAIL_CHARS) + "…" : message);
        } catch (IOException e) {
            return ""; // not Keycloak's JSON (a proxy's page): the status says enough
        }
    }

    private JsonNode parse(String body, String what) {
        if (body == null || body.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IdentityException(
                    IdentityErrorCode.SCIM_RESPONSE_INVALID, what + " answered a body that is not JSON");
        }
    }

    /** A path segment or query value: ids and names come from callers, so none can reach another path. */
    static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IdentityException(IdentityErrorCode.SCIM_REQUEST_INVALID, "an id or name is required");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
