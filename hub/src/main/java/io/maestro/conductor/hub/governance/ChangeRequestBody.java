package io.maestro.conductor.hub.governance;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.api.InstallBody;
import io.maestro.conductor.hub.api.UpdateBody;
import io.maestro.conductor.registry.ChangeRequests.Draft;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Body of {@code POST /api/tenants/{tenant}/change-requests}: the environment and instance, the {@code operation}
 * ({@code install}, {@code update} or {@code uninstall}) and that operation's fields as the adapter endpoints take
 * them ({@code definition}, {@code version}, {@code config}, {@code region}, {@code state}, {@code configVersion}).
 */
public record ChangeRequestBody(
        String environment,
        String instance,
        String operation,
        String definition,
        String version,
        JsonNode config,
        String region,
        String state,
        Long configVersion) {

    Draft draft(String tenant) {
        if (environment == null || instance == null) {
            throw invalid("Name the environment and instance the change is for");
        }
        String op = operation == null ? "" : operation.toLowerCase(Locale.ROOT);
        return switch (op) {
            case "install" ->
                Draft.install(
                        tenant,
                        environment,
                        instance,
                        List.of(),
                        new InstallBody(definition, version, config, region).request());
            case "update" -> {
                if (configVersion == null) {
                    throw new ApiRequestException(
                            HttpStatus.PRECONDITION_REQUIRED,
                            "CONFIG_VERSION_REQUIRED",
                            "Send the config version you read as configVersion");
                }
                yield Draft.update(
                        tenant,
                        environment,
                        instance,
                        List.of(),
                        new UpdateBody(configVersion, config, region, state, version).request(configVersion));
            }
            case "uninstall" -> Draft.uninstall(tenant, environment, instance, List.of());
            default -> throw invalid("operation must be install, update or uninstall");
        };
    }

    private static ApiRequestException invalid(String message) {
        return new ApiRequestException(HttpStatus.BAD_REQUEST, "CHANGE_REQUEST_INVALID", message);
    }
}
