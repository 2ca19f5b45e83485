package io.maestro.conductor.registry.cache;

import io.maestro.conductor.registry.model.AdapterDefinition;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every version of one definition, oldest first. */
public record DefinitionVersions(List<AdapterDefinition> versions) implements Serializable {

    public DefinitionVersions {
        versions = versions.stream()
                .sorted(Comparator.comparing(AdapterDefinition::version, SemVer.ORDER))
                .toList();
    }

    public AdapterDefinition newest() {
        return versions.get(versions.size() - 1);
    }

    public Optional<AdapterDefinition> version(String version) {
        return versions.stream().filter(d -> d.version().equals(version)).findFirst();
    }
}
