package io.maestro.conductor.identity.provisioning;

import static io.maestro.conductor.identity.IdentityCalls.body;
import static io.maestro.conductor.identity.IdentityCalls.changed;
import static io.maestro.conductor.identity.IdentityCalls.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import io.maestro.conductor.identity.IdentityCalls;
import io.maestro.conductor.identity.IdentityConstants;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioning as routes see it, the same for every backend: the {@code identity:} user, group and role operations
 * through Camel against a real server. A subclass gives the instance of its backend. Names are unique per test, so
 * backends kept between tests need no cleaning.
 */
public abstract class ProvisioningSuite {

    protected static final String TENANT = "acme";
    protected static final String ENV = "prod";
    protected static final String INSTANCE = "directory";

    protected final InMemoryInstanceResolver instances = new InMemoryInstanceResolver();
    protected final InMemorySecretResolver secrets = new InMemorySecretResolver();
    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private IdentityCalls identity;

    /** The instance {@value #INSTANCE} of {@value #TENANT}/{@value #ENV} on the backend; its secrets in {@link #secrets}. */
    protected abstract ResolvedInstance instance();

    /** A role the backend accepts (a backend may accept only roles that exist). */
    protected abstract String role();

    @BeforeEach
    void start() throws Exception {
        instances.put(instance());
        identity = new IdentityCalls(instances, secrets, new SimpleMeterRegistry(), TENANT, ENV);
    }

    @AfterEach
    void stop() throws Exception {
        identity.close();
    }

    private Exchange call(String operation, Map<String, Object> headers, Object body) {
        return identity.call(operation, INSTANCE, headers, body);
    }

    private Map<String, Object> user(String externalId, String userName) {
        return Map.of(
                "externalId", externalId + "-" + unique,
                "userName", userName + "-" + unique,
                "givenName", "Grace",
                "familyName", "Hopper",
                "email", userName + "-" + unique + "@acme.example");
    }

    private Map<String, Object> byExternalId(String externalId) {
        return Map.of(IdentityConstants.EXTERNAL_ID, externalId + "-" + unique);
    }

    @Test
    void aRepeatedCreateFindsTheFirstUserByExternalId() {
        Exchange first = call("create_user", Map.of(), user("hr-1", "grace"));
        Exchange again = call("create_user", Map.of(), user("hr-1", "grace"));

        assertThat(first.getMessage().getHeader(IdentityConstants.CREATED)).isEqualTo(true);
        assertThat(again.getMessage().getHeader(IdentityConstants.CREATED)).isEqualTo(false);
        assertThat(body(again))
                .containsEntry("id", first.getMessage().getHeader(IdentityConstants.USER_ID))
                .containsEntry("userName", "grace-" + unique)
                .containsEntry("email", "grace-" + unique + "@acme.example")
                .containsEntry("active", true);
    }

    @Test
    void aUserNameHeldByAnotherExternalIdIsAConflict() {
        call("create_user", Map.of(), user("hr-2", "ada"));

        Exchange impostor = call("create_user", Map.of(), user("hr-3", "ada"));

        assertThat(codeOf(impostor)).isEqualTo("SCIM_CONFLICT");
    }

    @Test
    void updateReplacesTheAttributesOfTheSameUser() {
        String id = call("create_user", Map.of(), user("hr-4", "alan"))
                .getMessage()
                .getHeader(IdentityConstants.USER_ID, String.class);
        Map<String, Object> renamed = new java.util.HashMap<>(user("hr-4", "alan"));
        renamed.put("familyName", "Turing");

        Exchange updated = call("update_user", byExternalId("hr-4"), renamed);
        Exchange found = call("create_user", Map.of(), user("hr-4", "alan"));

        assertThat(body(updated)).containsEntry("id", id).containsEntry("familyName", "Turing");
        assertThat(body(found)).containsEntry("id", id).containsEntry("familyName", "Turing");
    }

    @Test
    void deactivatingTwiceLeavesTheUserInactive() {
        call("create_user", Map.of(), user("hr-5", "edsger"));

        Exchange first = call("deactivate_user", byExternalId("hr-5"), null);
        Exchange again = call("deactivate_user", byExternalId("hr-5"), null);

        assertThat(body(first)).containsEntry("active", false);
        assertThat(body(again)).containsEntry("active", false);
        assertThat(body(call("create_user", Map.of(), user("hr-5", "edsger")))).containsEntry("active", false);
    }

    @Test
    void groupMembershipChangesOnlyWhenItIsNotSoAlready() {
        call("create_user", Map.of(), user("hr-6", "barbara"));
        Map<String, Object> finance = new java.util.HashMap<>(byExternalId("hr-6"));
        finance.put(IdentityConstants.GROUP, "finance-" + unique);

        assertThat(changed(call("assign_group", finance, null))).isTrue();
        assertThat(changed(call("assign_group", finance, null))).isFalse();
        assertThat(changed(call("remove_group", finance, null))).isTrue();
        assertThat(changed(call("remove_group", finance, null))).isFalse();
    }

    @Test
    void roleAssignmentChangesOnlyWhenItIsNotSoAlready() {
        call("create_user", Map.of(), user("hr-7", "frances"));
        Map<String, Object> role = new java.util.HashMap<>(byExternalId("hr-7"));
        role.put(IdentityConstants.ROLE, role());

        assertThat(changed(call("assign_role", role, null))).isTrue();
        assertThat(changed(call("assign_role", role, null))).isFalse();
        assertThat(changed(call("remove_role", role, null))).isTrue();
        assertThat(changed(call("remove_role", role, null))).isFalse();
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThat(codeOf(call("deactivate_user", Map.of(IdentityConstants.USER_ID, "no-such-user-" + unique), null)))
                .isEqualTo("SCIM_NOT_FOUND");
        assertThat(codeOf(call("assign_group", byExternalId("nobody"), null))).isEqualTo("SCIM_REQUEST_INVALID");
        Map<String, Object> nobody = new java.util.HashMap<>(byExternalId("nobody"));
        nobody.put(IdentityConstants.GROUP, "finance");
        assertThat(codeOf(call("assign_group", nobody, null))).isEqualTo("SCIM_NOT_FOUND");
    }
}
