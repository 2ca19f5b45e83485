package io.maestro.conductor.hub.health;

import io.maestro.conductor.hub.api.ApiRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * The filters of a health listing ({@code category}, {@code status}), checked before anything is read: a refused
 * value is a 400 {@code HEALTH_QUERY_INVALID} that names the rule, never echoes the value.
 */
record HealthQuery(String category, HealthStatus status) {

    static final String CODE = "HEALTH_QUERY_INVALID";
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]{0,31}");

    static HealthQuery of(String category, String status) {
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw invalid("category must be a category id ([a-z][a-z-]{0,31})");
        }
        return new HealthQuery(category, status == null ? null : statusOf(status));
    }

    private static HealthStatus statusOf(String status) {
        return Arrays.stream(HealthStatus.values())
                .filter(s -> s.name().equals(status.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> invalid("status must be one of " + Arrays.toString(HealthStatus.values())));
    }

    boolean accepts(AdapterInstanceHealth health) {
        return (category == null || category.equals(health.category()))
                && (status == null || status == health.status());
    }

    static ApiRequestException invalid(String message) {
        return new ApiRequestException(HttpStatus.BAD_REQUEST, CODE, message);
    }
}
