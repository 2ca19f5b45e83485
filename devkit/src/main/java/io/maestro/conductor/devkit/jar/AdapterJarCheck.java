package io.maestro.conductor.devkit.jar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import io.maestro.conductor.devkit.Violation;
import io.maestro.conductor.devkit.manifest.AdapterManifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a jar serves what its manifest says: Camel's component service file for the manifest's scheme naming the
 * manifest's class, that class in the jar, the component's Camel catalog JSON, and, when the jar ships adapter
 * definitions, the manifest's name and version among them with the same config schema; every permission kind the
 * bytecode reaches for declared; and every library the jar carries inside it (Maven's pom.properties) declared in the
 * manifest's dependencies with its version. The adapter's own artifact is no dependency: it is the jar's only library
 * when it carries one, else the one whose artifact id is the manifest's name.
 */
public final class AdapterJarCheck {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AdapterJarCheck() {}

    public static void require(AdapterManifest manifest, AdapterJar jar) {
        List<Violation> violations = check(manifest, jar);
        if (!violations.isEmpty()) {
            throw new DevkitException(
                    DevkitErrorCode.JAR_INVALID,
                    "the jar does not serve its manifest (" + violations.size() + " problem(s))",
                    violations);
        }
    }

    public static List<Violation> check(AdapterManifest manifest, AdapterJar jar) {
        List<Violation> violations = new ArrayList<>();
        String scheme = manifest.scheme();
        String serviceClass = jar.componentServices().get(scheme);
        if (serviceClass == null) {
            violations.add(new Violation(
                    "/component/scheme",
                    "the jar has no META-INF/services/org/apache/camel/component/" + scheme + " file"));
        } else if (!serviceClass.equals(manifest.componentClass())) {
            violations.add(
                    new Violation("/component/className", "the jar's component service file names another class"));
        }
        if (!jar.classes().contains(manifest.componentClass())) {
            violations.add(new Violation("/component/className", "the class is not in the jar"));
        }
        if (!jar.catalogSchemes().contains(scheme)) {
            violations.add(new Violation(
                    "/component/scheme",
                    "the jar has no Camel catalog JSON for the component (camel-package-maven-plugin generates it)"));
        }
        List<String> declared =
                manifest.permissions().stream().map(p -> p.split(":", 2)[0]).toList();
        for (String used : jar.usedPermissions()) {
            if (!declared.contains(used)) {
                violations.add(new Violation(
                        "/permissions", "the jar's code uses " + used + " access that the manifest does not declare"));
            }
        }
        for (String library : undeclaredLibraries(manifest, jar)) {
            violations.add(new Violation(
                    "/dependencies",
                    "the jar carries " + library + ", which the manifest's dependencies do not declare (with this"
                            + " version)"));
        }
        if (jar.definitionsYaml() != null) {
            checkDefinitions(manifest, jar.definitionsYaml(), violations);
        }
        return violations;
    }

    /** The libraries inside the jar that the manifest does not declare, the adapter's own artifact left out. */
    static List<String> undeclaredLibraries(AdapterManifest manifest, AdapterJar jar) {
        if (jar.embeddedLibraries().size() <= 1) {
            return List.of();
        }
        return jar.embeddedLibraries().stream()
                .filter(library -> !manifest.dependencies().contains(library))
                .filter(library -> !library.split(":")[1].equals(manifest.name()))
                .sorted()
                .toList();
    }

    private static void checkDefinitions(AdapterManifest manifest, String yaml, List<Violation> violations) {
        JsonNode definitions;
        try {
            definitions = YAML.readTree(yaml).path("definitions");
        } catch (IOException e) {
            violations.add(new Violation("", "the jar's adapter-definitions.yaml is not readable"));
            return;
        }
        for (JsonNode definition : definitions) {
            if (manifest.name().equals(definition.path("name").asText())
                    && manifest.version().equals(definition.path("version").asText())) {
                if (!manifest.configSchema().equals(definition.path("configSchema"))) {
                    violations.add(new Violation(
                            "/configSchema", "differs from the config schema the jar's definitions declare"));
                }
                return;
            }
        }
        violations.add(new Violation("/version", "the jar's adapter-definitions.yaml has no definition of it"));
    }
}
