package io.maestro.conductor.devkit.jar;

import java.util.Map;
import java.util.Set;

/**
 * What an adapter jar holds, as far as the dev kit checks it.
 *
 * @param componentServices Camel's component service files: scheme → the class they name
 * @param catalogSchemes    the schemes of the Camel catalog JSON files in the jar
 * @param classes           the binary names of the classes in the jar
 * @param definitionsYaml   the jar's {@code META-INF/conductor/adapter-definitions.yaml}, or {@code null}
 * @param usedPermissions   permission kinds the bytecode reaches for ({@code network}, {@code filesystem},
 *                          {@code process}), from the JDK classes its constant pools name
 * @param embeddedLibraries libraries the jar carries inside it, as {@code group:artifact:version}, from the
 *                          {@code META-INF/maven/<group>/<artifact>/pom.properties} files Maven writes (shaded or
 *                          copied in; the adapter's own artifact is among them)
 */
public record AdapterJar(
        Map<String, String> componentServices,
        Set<String> catalogSchemes,
        Set<String> classes,
        String definitionsYaml,
        Set<String> usedPermissions,
        Set<String> embeddedLibraries) {}
