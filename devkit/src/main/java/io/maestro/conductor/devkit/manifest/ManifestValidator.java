package io.maestro.conductor.devkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import io.maestro.conductor.devkit.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a manifest against {@value #SCHEMA_RESOURCE} (JSON Schema 2020-12, networknt's validator) and the rules a
 * schema cannot state ({@link ManifestRules}), and reports every violation at once. A config field named like a
 * credential that is not marked secret is refused ({@code SECRET_FIELD_UNMARKED} when that is all that is wrong).
 */
public final class ManifestValidator {

    public static final String SCHEMA_RESOURCE = "/io/maestro/conductor/devkit/adapter-manifest.schema.json";

    private static final int MAX_MESSAGE = 300;
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties");
    private static final JsonSchema SCHEMA = loadSchema();

    private ManifestValidator() {}

    public static AdapterManifest read(Path file) {
        return validate(ManifestReader.read(file));
    }

    public static AdapterManifest read(byte[] document) {
        return validate(ManifestReader.read(document));
    }

    public static AdapterManifest validate(JsonNode tree) {
        List<Violation> schemaViolations = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(tree)) {
            schemaViolations.add(new Violation(pointerOf(message), textOf(message)));
        }
        List<Violation> unmarked = new ArrayList<>();
        List<Violation> ruleViolations = new ArrayList<>();
        ManifestRules.checkSecretFields(tree.path("configSchema"), unmarked, ruleViolations);
        if (schemaViolations.isEmpty()) {
            ManifestRules.checkConsistency(tree, ruleViolations);
        }
        List<Violation> all = new ArrayList<>(schemaViolations);
        all.addAll(ruleViolations);
        if (all.isEmpty() && unmarked.isEmpty()) {
            return new AdapterManifest(tree);
        }
        all.addAll(unmarked);
        all.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::message));
        DevkitErrorCode code = all.size() == unmarked.size()
                ? DevkitErrorCode.SECRET_FIELD_UNMARKED
                : DevkitErrorCode.MANIFEST_INVALID;
        throw new DevkitException(code, "the manifest has " + all.size() + " problem(s)", all);
    }

    private static String pointerOf(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        // these keywords report at the parent object; point at the property itself
        if (PROPERTY_KEYWORDS.contains(message.getType()) && message.getProperty() != null) {
            return location + "/" + message.getProperty();
        }
        return location;
    }

    /** The library's message without its location prefix, bounded (a hostile key can be long). */
    private static String textOf(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        text = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ManifestValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            in,
                            SchemaValidatorsConfig.builder()
                                    .pathType(PathType.JSON_POINTER)
                                    .formatAssertionsEnabled(true)
                                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
