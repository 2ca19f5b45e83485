package io.maestro.conductor.sandbox.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.resources.ScimGroup;

@ApplicationScoped
public class InMemoryScimGroups extends InMemoryScimRepository<ScimGroup> {

    protected InMemoryScimGroups() {}

    @Inject
    public InMemoryScimGroups(SchemaRegistry schemaRegistry, PatchHandler patchHandler) {
        super(ScimGroup.class, ScimGroup.SCHEMA_URI, ScimGroup::getDisplayName, schemaRegistry, patchHandler);
    }
}
