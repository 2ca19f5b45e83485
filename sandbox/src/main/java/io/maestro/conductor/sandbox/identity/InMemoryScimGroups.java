package io.maestro.conductor.sandbox.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.resources.ScimGroup;

@ApplicationScoped
public class InMemoryScimGroups extends InMemoryScimRepository<ScimGroup> {

    protected InMemoryScimGroups() {
    }

    @Inject
    public InMemoryScimGroups(SchemaRegistry schemaRegistry, PatchHandler patchHandler) {
        super(schemaRegistry, patchHandler);
    }

    @Override
    public Class<ScimGroup> getResourceClass() {
        return ScimGroup.class;
    }

    @Override
    protected String schemaUri() {
        return ScimGroup.SCHEMA_URI;
    }

    @Override
    protected String uniqueValue(ScimGroup group) {
        return group.getDisplayName();
    }
}
