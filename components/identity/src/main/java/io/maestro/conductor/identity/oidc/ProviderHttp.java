package io.maestro.conductor.identity.oidc;

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

/** JSON GETs to the identity provider (discovery, userinfo), failures mapped to identity codes. */
final class ProviderHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Discovery documents and userinfo answers are small; a provider that sends more is misbehaving. */
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    ProviderHttp(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * @param bearerToken sent as {@code Authorization: Bearer}, or null
     * @return the parsed JSON object on 200
     */
    JsonNode getJson(URI uri, String bearerToken, String what) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Accept", "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IdentityException(
                    IdentityErrorCode.IDP_UNAVAILABLE,
                    what + " at " + uri + " could not be reached ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(IdentityErrorCode.IDP_UNAVAILABLE, what + " interrupted", e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_INVALID, what + " refused the token (HTTP " + status + ")");
        }
        if (status >= 500 || status == 429) {
            throw new IdentityException(IdentityErrorCode.IDP_UNAVAILABLE, what + " answered HTTP " + status);
        }
        if (status != 200) {
            throw new IdentityException(IdentityErrorCode.IDP_RESPONSE_INVALID, what + " answered HTTP " + status);
        }
        if (response.body().length > MAX_BODY_BYTES) {
            throw new IdentityException(
                    IdentityErrorCode.IDP_RESPONSE_INVALID, what + " answer exceeds " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new IdentityException(IdentityErrorCode.IDP_RESPONSE_INVALID, what + " is not a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new IdentityException(IdentityErrorCode.IDP_RESPONSE_INVALID, what + " is not JSON");
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
