package io.maestro.conductor.hub.onboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code routes/onboarding.yaml} is sent: the user's fields as {@code identity:create_user} takes them, plus
 * {@code kind} ({@code employee} or {@code customer}), {@code groups} and {@code roles} (lists of names, at most
 * {@value #MAX_NAMES} each). The user fields themselves are checked by the identity component.
 */
record OnboardingRequest(String kind, Map<String, Object> user, List<String> groups, List<String> roles) {

    static final int MAX_NAMES = 20;
    private static final Set<String> KINDS = Set.of("employee", "customer");

    static OnboardingRequest of(Map<?, ?> body) {
        Map<String, Object> user = new LinkedHashMap<>();
        body.forEach((key, value) -> user.put(String.valueOf(key), value));
        Object kind = user.remove("kind");
        if (!(kind instanceof String text) || !KINDS.contains(text)) {
            throw new IllegalArgumentException("onboarding kind must be employee or customer");
        }
        List<String> groups = names(user.remove("groups"), "groups");
        List<String> roles = names(user.remove("roles"), "roles");
        user.values().removeIf(value -> value == null);
        return new OnboardingRequest(text, Map.copyOf(user), groups, roles);
    }

    private static List<String> names(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > MAX_NAMES) {
            throw new IllegalArgumentException(what + " must be a list of at most " + MAX_NAMES + " names");
        }
        for (Object name : list) {
            if (!(name instanceof String)) {
                throw new IllegalArgumentException(what + " must be a list of names");
            }
        }
        return list.stream().map(String.class::cast).distinct().toList();
    }
}
