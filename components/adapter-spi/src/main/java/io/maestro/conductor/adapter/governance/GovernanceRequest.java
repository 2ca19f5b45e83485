package io.maestro.conductor.adapter.governance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the gate decides on. {@link #toInput()} gives the shape the Rego policies read as {@code input}.
 *
 * @param action   {@code <category>.<operation>}, e.g. {@code storage.put_object}
 * @param adapter  attributes of the instance the call goes to
 * @param data     attributes of the data the call carries
 */
public record GovernanceRequest(
        String tenant,
        String environment,
        String actor,
        String action,
        AdapterAttributes adapter,
        DataAttributes data) {

    public GovernanceRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(data, "data");
    }

    /** The policy input document: plain maps, strings and nulls only. */
    public Map<String, Object> toInput() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("tenant", tenant);
        input.put("environment", environment);
        input.put("actor", actor);
        input.put("action", action);
        input.put("adapter", adapter.toMap());
        input.put("data", data.toMap());
        return input;
    }

    /** The instance side: {@code category}, {@code riskLevel}, {@code dataSensitivity}, {@code region}. */
    public record AdapterAttributes(String instance, String category, String backend, String riskLevel,
                                    String dataSensitivity, String region) {
        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("instance", instance);
            map.put("category", category);
            map.put("backend", backend);
            map.put("riskLevel", riskLevel);
            map.put("dataSensitivity", dataSensitivity);
            map.put("region", region);
            return map;
        }
    }

    /** The data side: its {@code region} and {@code classification}, null when the caller did not say. */
    public record DataAttributes(String region, String classification) {
        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("region", region);
            map.put("classification", classification);
            return map;
        }
    }
}
