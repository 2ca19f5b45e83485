package io.maestro.conductor.adapter.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An adapter's instance config, declared once (Kafka's {@code ConfigDef} is the model): each key with its type,
 * default, validator, doc and secret flag. From this one declaration come the JSON Schema of the adapter's
 * definition ({@link #jsonSchema()}, which the registry checks at install), the parser the adapter builds its
 * delegate from ({@link #parse}) and the docs table ({@link #markdown()}), so the three cannot disagree.
 */
public final class InstanceConfigDef {

    /** The default of a key that must be given. */
    public static final Object REQUIRED = new Object() {
        @Override
        public String toString() {
            return "REQUIRED";
        }
    };

    /**
     * The JSON Schema keyword that marks a key as a destination: its value says where the instance sends data
     * and credentials, so the hub's endpoint allowlist governs it (the value is a {@link Destination#id()}).
     */
    public static final String DESTINATION_KEYWORD = "x-destination";

    /** What a destination key holds: the form the hub parses to compare its host(s) with the allowlist. */
    public enum Destination {
        /** A URL, {@code scheme://host[:port][/path]}: an HTTP(S) base, an issuer, {@code smtp://host:port}. */
        URL("url"),
        /** {@code host:port}, or a comma-separated list of them (Kafka's bootstrap brokers): each one is checked. */
        HOST_PORT_LIST("host-port-list");

        private final String id;

        Destination(String id) {
            this.id = id;
        }

        /** How the published schema names it ({@value #DESTINATION_KEYWORD}). */
        public String id() {
            return id;
        }

        public static Optional<Destination> fromId(String id) {
            for (Destination destination : values()) {
                if (destination.id.equals(id)) {
                    return Optional.of(destination);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @param defaultValue null when the key is optional without a default; {@link #REQUIRED} when it must be given
     * @param validator    null when any value of the type is fine
     * @param destination  null unless the key says where data and credentials go (then the hub's allowlist
     *                     governs it); the SPI's {@link AdapterDefinitions#ENDPOINT} key always is a {@code URL}
     */
    public record Key(
            String name,
            ConfigType type,
            Object defaultValue,
            ConfigValidator validator,
            String doc,
            boolean secret,
            Destination destination) {

        public boolean required() {
            return defaultValue == REQUIRED;
        }
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();

    public InstanceConfigDef define(
            String name, ConfigType type, Object defaultValue, ConfigValidator validator, String doc) {
        Destination destination = AdapterDefinitions.ENDPOINT.equals(name) ? Destination.URL : null;
        return add(new Key(name, type, defaultValue, validator, doc, false, destination));
    }

    /**
     * A destination: a string key that says where the instance sends data or credentials (a URL, or host:port
     * list). The published schema marks it ({@value #DESTINATION_KEYWORD}), and the hub lets a tenant-scoped user
     * set it only to a destination on the operator's allowlist.
     */
    public InstanceConfigDef defineDestination(
            String name, Destination destination, Object defaultValue, ConfigValidator validator, String doc) {
        Objects.requireNonNull(destination, "destination");
        return add(new Key(name, ConfigType.STRING, defaultValue, validator, doc, false, destination));
    }

    public InstanceConfigDef define(String name, ConfigType type, Object defaultValue, String doc) {
        return define(name, type, defaultValue, null, doc);
    }

    /** A credential: a string that must be a {@code secret:<name>} reference, never a value. */
    public InstanceConfigDef defineSecret(String name, boolean required, String doc) {
        return add(new Key(name, ConfigType.STRING, required ? REQUIRED : null, null, doc, true, null));
    }

    private InstanceConfigDef add(Key key) {
        if (keys.putIfAbsent(key.name(), key) != null) {
            throw new IllegalArgumentException("config key " + key.name() + " is defined twice");
        }
        return this;
    }

    public Collection<Key> keys() {
        return keys.values();
    }

    /** The JSON Schema (draft 2020-12) of an instance config: the registry validates installs against it. */
    public ObjectNode jsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (Key key : keys.values()) {
            ObjectNode property = properties.putObject(key.name());
            property.put("type", key.type().jsonType());
            if (key.secret()) {
                property.put("format", "password");
            }
            if (key.destination() != null) {
                property.put(DESTINATION_KEYWORD, key.destination().id());
            }
            if (key.validator() != null) {
                key.validator().describe(property);
            }
            if (key.required()) {
                required.add(key.name());
            } else if (key.defaultValue() != null) {
                property.putPOJO("default", key.defaultValue());
            }
            property.put("description", key.secret() ? key.doc() + ", as secret:<name>" : key.doc());
        }
        return schema;
    }

    /**
     * Reads and checks an instance's config: every refusal is {@code CONFIG_INVALID} naming the key, never its
     * value. Keys the definition does not declare are ignored (the registry already refused them at install).
     */
    public InstanceConfig parse(ResolvedInstance instance) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Key key : keys.values()) {
            String text = instance.option(key.name()).orElse(null);
            if (text == null) {
                if (key.required()) {
                    throw invalid(instance, key, "is required for backend " + instance.backend());
                }
                if (key.defaultValue() != null) {
                    values.put(key.name(), key.defaultValue());
                }
                continue;
            }
            values.put(key.name(), check(instance, key, text));
        }
        return new InstanceConfig(instance, values);
    }

    private static Object check(ResolvedInstance instance, Key key, String text) {
        if (key.secret()
                && (!text.startsWith(InstanceSecrets.REFERENCE_PREFIX)
                        || text.length() == InstanceSecrets.REFERENCE_PREFIX.length())) {
            throw invalid(instance, key, "must be a secret reference (secret:<name>)");
        }
        Object value = key.type().parse(text);
        if (value == null) {
            throw invalid(instance, key, "must be of type " + key.type().jsonType());
        }
        String problem =
                key.validator() == null || key.secret() ? null : key.validator().problem(value);
        if (problem != null) {
            throw invalid(instance, key, problem);
        }
        return value;
    }

    private static AdapterException invalid(ResolvedInstance instance, Key key, String problem) {
        return new AdapterException(
                SpiErrorCode.CONFIG_INVALID, instance.ref().id(), "config key '" + key.name() + "' " + problem);
    }

    /** The docs table of the keys: key, type, default, rule, meaning. */
    public String markdown() {
        StringBuilder table = new StringBuilder("| key | type | default | rule | meaning |\n|---|---|---|---|---|\n");
        for (Key key : keys.values()) {
            String rule = key.secret()
                    ? "`secret:<name>`"
                    : key.validator() == null ? "" : key.validator().doc();
            if (key.destination() != null) {
                rule = (rule.isEmpty() ? "" : rule + "; ") + "destination (operator allowlist)";
            }
            String defaultText =
                    key.required() ? "required" : key.defaultValue() == null ? "" : "`" + key.defaultValue() + "`";
            table.append("| `")
                    .append(key.name())
                    .append("` | ")
                    .append(key.type().jsonType())
                    .append(" | ")
                    .append(defaultText)
                    .append(" | ")
                    .append(rule.replace("|", "\\|"))
                    .append(" | ")
                    .append(key.doc())
                    .append(" |\n");
        }
        return table.toString();
    }
}
