package io.maestro.conductor.identity;

import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.identity.provisioning.Provisioning;
import io.maestro.conductor.identity.scim.ProvisionedUser;
import io.maestro.conductor.identity.scim.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * create_user, update_user, deactivate_user, assign/remove_group, assign/remove_role on the instance's provisioning
 * backend. Each may be repeated and then changes nothing. The user is named by header
 * {@link IdentityConstants#USER_ID}, else found by {@link IdentityConstants#EXTERNAL_ID}. User operations answer the
 * user as a map; group and role operations leave the body alone and set {@link IdentityConstants#CHANGED}.
 */
final class ProvisioningOperations {

    private ProvisioningOperations() {}

    static void createUser(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        ProvisionedUser provisioned = backend.provisioning().createUser(UserBody.parse(message.getBody()));
        message.setHeader(IdentityConstants.USER_ID, provisioned.user().id());
        message.setHeader(IdentityConstants.EXTERNAL_ID, provisioned.user().externalId());
        message.setHeader(IdentityConstants.CREATED, provisioned.created());
        message.setBody(UserBody.toMap(provisioned.user()));
    }

    /** PUT semantics: the body is the whole user, externalId included (a user without one could not be found again). */
    static void updateUser(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        ScimUser asked = UserBody.parse(message.getBody());
        if (asked.externalId() == null || asked.externalId().isBlank()) {
            throw new IdentityException(IdentityErrorCode.SCIM_REQUEST_INVALID, "externalId is required");
        }
        Provisioning provisioning = backend.provisioning();
        answerUser(message, provisioning.updateUser(userId(message, provisioning), asked));
    }

    static void deactivateUser(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        Provisioning provisioning = backend.provisioning();
        answerUser(message, provisioning.deactivateUser(userId(message, provisioning)));
    }

    static void assignGroup(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        Provisioning provisioning = backend.provisioning();
        String group = UserBody.name(message.getHeader(IdentityConstants.GROUP), "the group");
        changed(message, provisioning.assignGroup(userId(message, provisioning), group));
    }

    static void removeGroup(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        Provisioning provisioning = backend.provisioning();
        String group = UserBody.name(message.getHeader(IdentityConstants.GROUP), "the group");
        changed(message, provisioning.removeGroup(userId(message, provisioning), group));
    }

    static void assignRole(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        Provisioning provisioning = backend.provisioning();
        String role = UserBody.name(message.getHeader(IdentityConstants.ROLE), "the role");
        changed(message, provisioning.assignRole(userId(message, provisioning), role));
    }

    static void removeRole(Exchange exchange, IdentityBackend backend, Invocation call) {
        Message message = exchange.getMessage();
        Provisioning provisioning = backend.provisioning();
        String role = UserBody.name(message.getHeader(IdentityConstants.ROLE), "the role");
        changed(message, provisioning.removeRole(userId(message, provisioning), role));
    }

    /** The user id header, else the user found by the externalId header; found is remembered in the header. */
    private static String userId(Message message, Provisioning provisioning) {
        String id = message.getHeader(IdentityConstants.USER_ID, String.class);
        if (id != null && !id.isBlank()) {
            return UserBody.name(id, "the user id");
        }
        Object externalId = message.getHeader(IdentityConstants.EXTERNAL_ID);
        if (externalId == null) {
            throw new IdentityException(
                    IdentityErrorCode.SCIM_REQUEST_INVALID,
                    "name the user by header " + IdentityConstants.USER_ID + " or " + IdentityConstants.EXTERNAL_ID);
        }
        String found = provisioning
                .findUserByExternalId(UserBody.name(externalId, "the externalId"))
                .map(ScimUser::id)
                .orElseThrow(() ->
                        new IdentityException(IdentityErrorCode.SCIM_NOT_FOUND, "no user has the given externalId"));
        message.setHeader(IdentityConstants.USER_ID, found);
        return found;
    }

    private static void answerUser(Message message, ScimUser user) {
        message.setHeader(IdentityConstants.USER_ID, user.id());
        message.setBody(UserBody.toMap(user));
    }

    private static void changed(Message message, boolean changed) {
        message.setHeader(IdentityConstants.CHANGED, changed);
    }
}
