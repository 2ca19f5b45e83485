package io.maestro.conductor.registry.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.Violation;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.secret.SecretVault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a config against its definition's JSON Schema and reports every violation at once. Secret
 * fields must hold a {@code secret:<name>} reference; schema messages about secret fields are dropped
 * because some of them quote the value.
 */
public final class ConfigValidator {

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static final Set<String> PROPERTY_KEYWORDS =
            Set.of("required", "additionalProperties", "dependentRequired");

    /** A secret reference found in a valid config. */
    public record SecretReference(String pointer, String name) {}

    private final Map<String, CompiledDefinition> compiled = new ConcurrentHashMap<>();

    /**
     * @return the secret references of the config, when it is valid
     * @throws RegistryException {@code SECRET_LITERAL_REJECTED} when the only problems are literal values in
     *                           secret fields, else {@code CONFIG_INVALID}; both list every violation
     */
    public List<SecretReference> validate(AdapterDefinition definition, JsonNode config) {
        if (config == null || !config.isObject()) {
            throw new RegistryException(
                    ErrorCode.CONFIG_INVALID,
                    "config must be a JSON object",
                    List.of(new Violation("", "config must be a JSON object")));
        }
        CompiledDefinition compiledDefinition = compiled.computeIfAbsent(
                definition.coordinates(),
                k -> new CompiledDefinition(
                        FACTORY.getSchema(definition.configSchema(), CONFIG),
                        SecretFields.templates(definition.configSchema())));
        List<String> secretPointers = new ArrayList<>();
        compiledDefinition.secretTemplates().forEach(t -> secretPointers.addAll(SecretFields.expand(t, config)));
        List<Violation> literals = new ArrayList<>();
        List<SecretReference> references = new ArrayList<>();
        for (String pointer : secretPointers) {
            JsonNode value = config.at(pointer);
            if (value.isNull()) {
                continue;
            }
            String text = value.isTextual() ? value.asText() : "";
            String name = text.startsWith(SecretVault.REFERENCE_PREFIX)
                    ? text.substring(SecretVault.REFERENCE_PREFIX.length())
                    : null;
            if (name != null && SecretVault.NAME.matcher(name).matches()) {
                references.add(new SecretReference(pointer, name));
            } else {
                literals.add(new Violation(
                        pointer,
                        "secret field: give a reference secret:<name> to a secret of this tenant and environment, "
                                + "never the value itself"));
            }
        }
        List<Violation> schemaViolations = new ArrayList<>();
        for (ValidationMessage message : compiledDefinition.schema().validate(config)) {
            String pointer = pointerOf(message);
            if (!isUnderAny(pointer, secretPointers)) {
                schemaViolations.add(new Violation(pointer, textOf(message)));
            }
        }
        if (schemaViolations.isEmpty() && literals.isEmpty()) {
            return references;
        }
        List<Violation> all = new ArrayList<>(schemaViolations);
        all.addAll(literals);
        all.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::message));
        if (schemaViolations.isEmpty()) {
            throw new RegistryException(
                    ErrorCode.SECRET_LITERAL_REJECTED,
                    "config of " + definition.coordinates() + " has literal values in secret fields",
                    all);
        }
        throw new RegistryException(
                ErrorCode.CONFIG_INVALID,
                "config does not match the schema of " + definition.coordinates() + " (" + all.size() + " violations)",
                all);
    }

    private static String pointerOf(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        // these keywords report at the parent object; point at the property itself
        if (PROPERTY_KEYWORDS.contains(message.getType()) && message.getProperty() != null) {
            return location + "/" + message.getProperty();
        }
        return location;
    }

    /** The message without the location prefix the library puts in front. */
    private static String textOf(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static boolean isUnderAny(String pointer, List<String> secretPointers) {
        for (String secret : secretPointers) {
            if (pointer.equals(secret) || pointer.startsWith(secret + "/")) {
                return true;
            }
        }
        return false;
    }

    private record CompiledDefinition(JsonSchema schema, List<String> secretTemplates) {}
}
