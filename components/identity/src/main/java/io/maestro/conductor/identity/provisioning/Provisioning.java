package io.maestro.conductor.identity.provisioning;

import io.maestro.conductor.identity.scim.ProvisionedUser;
import io.maestro.conductor.identity.scim.ScimUser;
import java.util.Optional;

/**
 * A provisioning backend as the {@code identity:} operations use it: SCIM 2.0 or Keycloak's admin API. Users are
 * addressed by the backend's id; every change may be repeated and then changes nothing (the boolean results say
 * whether this call changed something). Failures are {@code IdentityException}s.
 */
public interface Provisioning extends AutoCloseable {

    /** Creates the user unless one with its {@code externalId} exists, which is then returned unchanged. */
    ProvisionedUser createUser(ScimUser user);

    Optional<ScimUser> findUserByExternalId(String externalId);

    /** Replaces the user's attributes; its id and externalId stay. */
    ScimUser updateUser(String id, ScimUser user);

    /** Makes the user inactive (it can no longer sign in); nothing is sent for an inactive user. */
    ScimUser deactivateUser(String id);

    /** Adds the user to the group of that display name, creating the group when there is none. */
    boolean assignGroup(String userId, String group);

    boolean removeGroup(String userId, String group);

    boolean assignRole(String userId, String role);

    boolean removeRole(String userId, String role);

    /** The cheapest call that proves the backend answers and accepts the credentials. */
    void probe();

    @Override
    default void close() {}
}
