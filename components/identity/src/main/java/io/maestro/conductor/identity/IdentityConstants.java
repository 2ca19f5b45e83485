package io.maestro.conductor.identity;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code identity:} component. */
public final class IdentityConstants {

    @Metadata(
            description = "Overrides the endpoint's operation for this exchange (validate_token, fetch_claims, "
                    + "map_attributes, create_user, update_user, deactivate_user, assign_group, remove_group, "
                    + "assign_role, remove_role)",
            javaType = "String")
    public static final String OPERATION = "CamelConductorIdentityOperation";

    @Metadata(
            description = "validate_token, fetch_claims, map_attributes: the bearer token (with or without "
                    + "'Bearer '). A header, never the body: the body of an adapter call is logged (masked)",
            javaType = "String",
            secret = true)
    public static final String TOKEN = "CamelConductorIdentityToken";

    @Metadata(description = "Set by the token operations: the validated token's subject", javaType = "String")
    public static final String SUBJECT = "CamelConductorIdentitySubject";

    @Metadata(
            description = "The backend's user id: set by create_user; read by the other user operations",
            javaType = "String")
    public static final String USER_ID = "CamelConductorIdentityUserId";

    @Metadata(
            description = "The user's externalId (HR or customer id): the user operations find the user by it when "
                    + "no user id header is set",
            javaType = "String")
    public static final String EXTERNAL_ID = "CamelConductorIdentityExternalId";

    @Metadata(description = "Set by create_user: whether this call created the user", javaType = "Boolean")
    public static final String CREATED = "CamelConductorIdentityCreated";

    @Metadata(description = "assign_group, remove_group: the group's display name", javaType = "String")
    public static final String GROUP = "CamelConductorIdentityGroup";

    @Metadata(description = "assign_role, remove_role: the role's name", javaType = "String")
    public static final String ROLE = "CamelConductorIdentityRole";

    @Metadata(
            description = "Set by the group and role operations: whether this call changed anything (false when "
                    + "it was so already)",
            javaType = "Boolean")
    public static final String CHANGED = "CamelConductorIdentityChanged";

    private IdentityConstants() {}
}
