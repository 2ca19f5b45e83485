package io.maestro.conductor.adapter.governance;

import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the gate decides on. {@link #toInput()} gives the document the Rego policies read as {@code input}, built
 * as a policy value directly: going through plain maps and a JSON tree cost a large share of the gate's time on
 * every adapter call.
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

    /**
     * The policy input: {@code tenant}, {@code environment}, {@code actor}, {@code action}, {@code adapter} and
     * {@code data}; strings, or null where the caller did not say.
     */
    public ObjectValue toInput() {
        return new Document()
                .put("tenant", tenant)
                .put("environment", environment)
                .put("actor", actor)
                .put("action", action)
                .put("adapter", adapter.toInput())
                .put("data", data.toInput())
                .build();
    }

    /** The instance side: {@code category}, {@code riskLevel}, {@code dataSensitivity}, {@code region}. */
    public record AdapterAttributes(
            String instance, String category, String backend, String riskLevel, String dataSensitivity, String region) {
        ObjectValue toInput() {
            return new Document()
                    .put("instance", instance)
                    .put("category", category)
                    .put("backend", backend)
                    .put("riskLevel", riskLevel)
                    .put("dataSensitivity", dataSensitivity)
                    .put("region", region)
                    .build();
        }
    }

    /** The data side: its {@code region} and {@code classification}, null when the caller did not say. */
    public record DataAttributes(String region, String classification) {
        ObjectValue toInput() {
            return new Document()
                    .put("region", region)
                    .put("classification", classification)
                    .build();
        }
    }

    /** An object value under construction. */
    private static final class Document {
        private final TreeMap<Value, Value> entries = new TreeMap<>();

        Document put(String key, String value) {
            return put(key, value == null ? NullValue.INSTANCE : StringValue.of(value));
        }

        Document put(String key, Value value) {
            entries.put(StringValue.of(key), value);
            return this;
        }

        ObjectValue build() {
            return ObjectValue.of(entries);
        }
    }
}
