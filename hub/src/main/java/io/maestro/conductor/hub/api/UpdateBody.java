package io.maestro.conductor.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.InstanceState;
import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * Body of an update. {@code configVersion} is the version the caller last read (or send it as
 * {@code If-Match}); {@code region}, {@code state} and {@code version} (of the definition: another one is a version
 * upgrade) stay as they are when left out.
 */
public record UpdateBody(Long configVersion, JsonNode config, String region, String state, String version) {

    public UpdateRequest request(long expectedConfigVersion) {
        return new UpdateRequest(expectedConfigVersion, config, region, state(state), version);
    }

    private static InstanceState state(String state) {
        if (state == null) {
            return null;
        }
        return Arrays.stream(InstanceState.values())
                .filter(s -> s.name().equalsIgnoreCase(state))
                .findFirst()
                .orElseThrow(() -> new ApiRequestException(
                        HttpStatus.BAD_REQUEST,
                        "STATE_INVALID",
                        "state must be one of " + Arrays.toString(InstanceState.values())));
    }
}
