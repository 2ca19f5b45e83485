package io.maestro.conductor.identity.provisioning;

import io.maestro.conductor.identity.scim.ProvisionedUser;
import io.maestro.conductor.identity.scim.ScimClient;
import io.maestro.conductor.identity.scim.ScimUser;
import java.util.Optional;

/**
 * Provisioning over SCIM 2.0: groups are SCIM Groups (membership by PATCH on the group), roles the User's
 * multi-valued {@code roles} attribute (RFC 7643 §4.1.2, PATCH on the user).
 */
public final class ScimProvisioning implements Provisioning {

    /** An externalId no provisioning ever gives: looking it up proves reachability and credentials, finds nothing. */
    private static final String PROBE_EXTERNAL_ID = "conductor-probe";

    private final ScimClient client;

    public ScimProvisioning(ScimClient client) {
        this.client = client;
    }

    @Override
    public ProvisionedUser createUser(ScimUser user) {
        return client.createUser(user);
    }

    @Override
    public Optional<ScimUser> findUserByExternalId(String externalId) {
        return client.findUserByExternalId(externalId);
    }

    @Override
    public ScimUser updateUser(String id, ScimUser user) {
        return client.updateUser(id, user);
    }

    @Override
    public ScimUser deactivateUser(String id) {
        return client.deactivateUser(id);
    }

    @Override
    public boolean assignGroup(String userId, String group) {
        return client.addGroupMember(client.ensureGroup(group), userId);
    }

    @Override
    public boolean removeGroup(String userId, String group) {
        return client.findGroupId(group)
                .map(groupId -> client.removeGroupMember(groupId, userId))
                .orElse(false);
    }

    @Override
    public boolean assignRole(String userId, String role) {
        return client.addUserRole(userId, role);
    }

    @Override
    public boolean removeRole(String userId, String role) {
        return client.removeUserRole(userId, role);
    }

    @Override
    public void probe() {
        client.findUserByExternalId(PROBE_EXTERNAL_ID);
    }
}
