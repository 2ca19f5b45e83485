package io.maestro.conductor.identity;

import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.identity.oidc.ValidatedToken;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * validate_token, fetch_claims, map_attributes. The token comes from header {@link IdentityConstants#TOKEN} only:
 * the body of an adapter call is logged (masked), a header is not. Each checks the token first (signature, issuer,
 * audience, validity, the instance's required scopes), sets {@link IdentityConstants#SUBJECT} and answers a map.
 */
final class TokenOperations {

    private static final String BEARER = "bearer ";

    private TokenOperations() {}

    /** Answers {@code subject}, {@code issuer}, {@code audiences}, {@code expiresAt} (epoch seconds), {@code claims}. */
    static void validateToken(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        ValidatedToken token = validated(message, backend);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subject", token.subject());
        answer.put("issuer", token.issuer());
        answer.put("audiences", List.copyOf(token.audiences()));
        answer.put("expiresAt", token.expiresAt().getEpochSecond());
        answer.put("claims", token.claims());
        message.setBody(answer);
    }

    /** Answers the userinfo endpoint's claims for the token's subject. */
    static void fetchClaims(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        validated(message, backend);
        message.setBody(backend.oidc().userInfo(token(message)));
    }

    /** Answers the ABAC attributes the policies read: subject, tenant, roles, groups, assurance. */
    static void mapAttributes(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        ValidatedToken token = validated(message, backend);
        message.setBody(
                backend.oidc().attributes(token.subject(), token.claims()).toMap());
    }

    private static ValidatedToken validated(Message message, IdentityBackend backend) {
        ValidatedToken token = backend.oidc().validate(token(message));
        requireScopes(token, backend.config().requiredScopes());
        message.setHeader(IdentityConstants.SUBJECT, token.subject());
        return token;
    }

    /** The header's token, without a leading {@code Bearer }; null when absent (the validator answers TOKEN_MISSING). */
    private static String token(Message message) {
        String value = message.getHeader(IdentityConstants.TOKEN, String.class);
        if (value != null && value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return value.substring(BEARER.length()).trim();
        }
        return value;
    }

    /** OAuth 2.0's {@code scope} claim is space-separated (RFC 8693 §4.2); some providers send {@code scp} as a list. */
    private static void requireScopes(ValidatedToken token, Set<String> required) {
        if (required.isEmpty()) {
            return;
        }
        Set<String> granted = scopes(token.claims().get("scope"));
        granted.addAll(scopes(token.claims().get("scp")));
        if (!granted.containsAll(required)) {
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_SCOPE_MISSING,
                    "the token lacks a required scope (" + required.size() + " required)");
        }
    }

    private static Set<String> scopes(Object claim) {
        if (claim instanceof String text) {
            return Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toCollection(HashSet::new));
        }
        if (claim instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.toCollection(HashSet::new));
        }
        return new HashSet<>();
    }
}
