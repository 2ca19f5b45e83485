package io.maestro.conductor.sandbox.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.resources.ScimUser;

@ApplicationScoped
public class InMemoryScimUsers extends InMemoryScimRepository<ScimUser> {

    protected InMemoryScimUsers() {}

    @Inject
    public InMemoryScimUsers(SchemaRegistry schemaRegistry, PatchHandler patchHandler) {
        super(ScimUser.class, ScimUser.SCHEMA_URI, ScimUser::getUserName, schemaRegistry, patchHandler);
    }
}
