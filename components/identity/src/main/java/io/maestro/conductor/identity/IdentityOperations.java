package io.maestro.conductor.identity;

import io.maestro.conductor.adapter.camel.Operation;
import io.maestro.conductor.adapter.camel.Operations;

/**
 * The identity operations: token ones ({@link TokenOperations}) and provisioning ones
 * ({@link ProvisioningOperations}). A failure of the OIDC or SCIM classes leaves naming the instance it happened on.
 */
final class IdentityOperations {

    private IdentityOperations() {}

    static Operations<IdentityBackend> table() {
        return new Operations<IdentityBackend>()
                .on("validate_token", named(TokenOperations::validateToken))
                .on("fetch_claims", named(TokenOperations::fetchClaims))
                .on("map_attributes", named(TokenOperations::mapAttributes))
                .on("create_user", named(ProvisioningOperations::createUser))
                .on("update_user", named(ProvisioningOperations::updateUser))
                .on("deactivate_user", named(ProvisioningOperations::deactivateUser))
                .on("assign_group", named(ProvisioningOperations::assignGroup))
                .on("remove_group", named(ProvisioningOperations::removeGroup))
                .on("assign_role", named(ProvisioningOperations::assignRole))
                .on("remove_role", named(ProvisioningOperations::removeRole));
    }

    private static Operation<IdentityBackend> named(Operation<IdentityBackend> operation) {
        return (exchange, backend, call) -> {
            try {
                operation.invoke(exchange, backend, call);
            } catch (IdentityException e) {
                throw e.instanceId() == null ? e.forInstance(call.instanceId()) : e;
            }
        };
    }
}
