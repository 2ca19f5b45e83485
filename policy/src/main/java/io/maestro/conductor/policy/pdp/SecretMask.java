package io.maestro.conductor.policy.pdp;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks fields whose names look secret, as OPA's decision-log {@code mask} policy would with an
 * {@code upsert}: the field stays (so the log still shows it was sent) and its value becomes
 * {@value #REDACTED}. Names are compared case-insensitively with {@code _} and {@code -} ignored, so
 * {@code apiKey}, {@code api_key} and {@code API-KEY} are all caught; a name that merely contains a marker
 * (e.g. {@code refreshToken}, {@code dbPassword}) is masked too.
 */
final class SecretMask {
    static final String REDACTED = "**REDACTED**";

    private static final List<String> MARKERS = List.of(
            "password",
            "passwd",
            "secret",
            "token",
            "apikey",
            "credential",
            "authorization",
            "privatekey",
            "accesskey",
            "cookie",
            "signature");

    private static final int VERDICT_LIMIT = 4096;
    private static final Map<String, Boolean> VERDICTS = new ConcurrentHashMap<>();

    private SecretMask() {}

    /** The JSON form of a policy value with every secret-looking field's value replaced. */
    static JsonNode mask(Value value) {
        return Values.toJson(value, SecretMask::looksSecret, REDACTED);
    }

    static boolean looksSecret(String fieldName) {
        Boolean known = VERDICTS.get(fieldName);
        if (known != null) return known;
        String name = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        boolean secret = MARKERS.stream().anyMatch(name::contains);
        // Field names of policy inputs are a small, fixed vocabulary; the bound keeps odd inputs from growing it.
        if (VERDICTS.size() < VERDICT_LIMIT) VERDICTS.put(fieldName, secret);
        return secret;
    }
}
