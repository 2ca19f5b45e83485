package io.maestro.conductor.hub.bundles;

import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import io.maestro.conductor.hub.api.ApiRequestException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A bundle the hub will not install: the dev kit's code and violations as a problem. */
final class AdapterBundleRefused extends ApiRequestException {

    private final transient List<Map<String, String>> violations;

    AdapterBundleRefused(DevkitException e) {
        super(
                statusOf(e.code()),
                e.code().name(),
                e.getMessage().substring(e.code().name().length() + 2));
        this.violations = e.violations().stream()
                .map(v -> Map.of("pointer", v.pointer(), "message", v.message()))
                .toList();
    }

    @Override
    public Map<String, Object> properties() {
        return violations.isEmpty() ? Map.of() : Map.of("violations", violations);
    }

    private static HttpStatus statusOf(DevkitErrorCode code) {
        return switch (code) {
            case MANIFEST_TOO_LARGE, BUNDLE_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case BUNDLE_SIGNATURE_INVALID, BUNDLE_KEY_UNTRUSTED, BUNDLE_TAMPERED -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
