package io.maestro.conductor.identity;

import static io.maestro.conductor.identity.IdentityCalls.body;
import static io.maestro.conductor.identity.IdentityCalls.changed;
import static io.maestro.conductor.identity.IdentityCalls.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import io.maestro.conductor.adapter.testing.LogCapture;
import io.maestro.conductor.sandbox.identity.OidcSandbox;
import io.maestro.conductor.sandbox.identity.ScimSandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code identity:} operations through Camel, on mock-oauth2-server and Apache SCIMple over HTTP. */
class IdentityComponentTest {

    private static final String TENANT = "acme";
    private static final String ENV = "prod";
    private static final String SCIM_TOKEN = "scim-component-test-token-5d1e";

    private static OidcSandbox oidc;
    private static ScimSandbox scim;

    private final InMemoryInstanceResolver instances = new InMemoryInstanceResolver();
    private final InMemorySecretResolver secrets = new InMemorySecretResolver();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private IdentityCalls identity;

    @BeforeAll
    static void startPeers() {
        oidc = OidcSandbox.start();
        scim = ScimSandbox.start(SCIM_TOKEN);
    }

    @AfterAll
    static void stopPeers() {
        scim.close();
        oidc.close();
    }

    @BeforeEach
    void start() throws Exception {
        scim.reset();
        install("hr", Map.of());
        install("scoped", Map.of(IdentityDefinitions.SCOPES, "openid users:write"));
        identity = new IdentityCalls(instances, secrets, meters, TENANT, ENV);
    }

    @AfterEach
    void stop() throws Exception {
        identity.close();
    }

    private void install(String name, Map<String, String> extra) {
        secrets.put(TENANT, ENV, "scim-" + name, SCIM_TOKEN);
        instances.put(IdentityInstances.scim(TENANT, ENV, name, oidc, scim, extra));
    }

    private Exchange call(String operation, String instance, Map<String, Object> headers, Object body) {
        return identity.call(operation, instance, headers, body);
    }

    private static String token(String audience, Map<String, Object> claims) {
        return oidc.issueToken("acme", "alice", audience, claims, Duration.ofMinutes(5));
    }

    @Test
    void validateTokenAnswersTheSubjectAndClaims() {
        Exchange answer = call(
                "validate_token",
                "hr",
                Map.of(
                        IdentityConstants.TOKEN,
                        "Bearer " + token(IdentityInstances.CLIENT_ID, Map.of("tenant", "acme"))),
                null);

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(IdentityConstants.SUBJECT)).isEqualTo("alice");
        Map<String, Object> body = body(answer);
        assertThat(body.get("issuer")).isEqualTo(oidc.issuer("acme").toString());
        assertThat(body.get("claims"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("tenant", "acme");
    }

    @Test
    void refusedTokensAreCodedNameTheInstanceAndAreNeverLogged() {
        String foreign = token("someone-else", Map.of());
        Exchange refused;
        try (LogCapture logs = new LogCapture()) {
            refused = call("validate_token", "hr", Map.of(IdentityConstants.TOKEN, foreign), foreign);
            assertThat(logs.text()).doesNotContain(foreign).doesNotContain(foreign.split("\\.")[2]);
        }

        assertThat(codeOf(refused)).isEqualTo("TOKEN_AUDIENCE_MISMATCH");
        assertThat(refused.getException().getMessage())
                .contains("[acme/prod/hr]")
                .doesNotContain(foreign);
        assertThat(codeOf(call("validate_token", "hr", Map.of(), null))).isEqualTo("TOKEN_MISSING");
        assertThat(meters.get(AdapterMetrics.ERRORS)
                        .tags("instance", "hr", "operation", "validate_token", "code", "TOKEN_AUDIENCE_MISMATCH")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void anInstanceRequiringScopesRefusesATokenWithoutThem() {
        String narrow = token(IdentityInstances.CLIENT_ID, Map.of("scope", "openid profile"));
        String wide = token(IdentityInstances.CLIENT_ID, Map.of("scope", "openid users:write profile"));

        assertThat(codeOf(call("map_attributes", "scoped", Map.of(IdentityConstants.TOKEN, narrow), null)))
                .isEqualTo("TOKEN_SCOPE_MISSING");
        assertThat(call("map_attributes", "scoped", Map.of(IdentityConstants.TOKEN, wide), null)
                        .getException())
                .isNull();
    }

    @Test
    void mapAttributesAndFetchClaimsReadTheValidatedSubject() {
        String token = token(
                IdentityInstances.CLIENT_ID,
                Map.of("roles", List.of("operator"), "groups", "finance", "tenant", "acme", "email", "a@acme.example"));

        Map<String, Object> attributes =
                body(call("map_attributes", "hr", Map.of(IdentityConstants.TOKEN, token), null));
        Map<String, Object> claims = body(call("fetch_claims", "hr", Map.of(IdentityConstants.TOKEN, token), null));

        assertThat(attributes)
                .containsEntry("subject", "alice")
                .containsEntry("tenant", "acme")
                .containsEntry("roles", List.of("operator"))
                .containsEntry("groups", List.of("finance"));
        assertThat(claims).containsEntry("sub", "alice");
    }

    @Test
    void provisioningRepeatedChangesNothingTheSecondTime() {
        Map<String, Object> alice = Map.of("externalId", "hr-1001", "userName", "alice", "email", "alice@acme.example");

        Exchange first = call("create_user", "hr", Map.of(), alice);
        Exchange again = call("create_user", "hr", Map.of(), alice);
        String id = first.getMessage().getHeader(IdentityConstants.USER_ID, String.class);
        Map<String, Object> byExternalId = Map.of(IdentityConstants.EXTERNAL_ID, "hr-1001");
        Map<String, Object> finance = Map.of(IdentityConstants.USER_ID, id, IdentityConstants.GROUP, "finance");
        Map<String, Object> approver =
                Map.of(IdentityConstants.EXTERNAL_ID, "hr-1001", IdentityConstants.ROLE, "approver");

        assertThat(first.getMessage().getHeader(IdentityConstants.CREATED)).isEqualTo(true);
        assertThat(again.getMessage().getHeader(IdentityConstants.CREATED)).isEqualTo(false);
        assertThat(again.getMessage().getHeader(IdentityConstants.USER_ID)).isEqualTo(id);
        assertThat(changed(call("assign_group", "hr", finance, null))).isTrue();
        assertThat(changed(call("assign_group", "hr", finance, null))).isFalse();
        assertThat(changed(call("assign_role", "hr", approver, null))).isTrue();
        assertThat(changed(call("assign_role", "hr", approver, null))).isFalse();
        assertThat(scim.users()).hasSize(1);
        assertThat(scim.users().get(0).getRoles())
                .extracting(role -> role.getValue())
                .containsExactly("approver");
        assertThat(scim.groups()).extracting(ScimGroup::getDisplayName).containsExactly("finance");
        assertThat(scim.groups().get(0).getMembers())
                .extracting(member -> member.getValue())
                .containsExactly(id);

        assertThat(changed(call("remove_role", "hr", approver, null))).isTrue();
        assertThat(changed(call("remove_role", "hr", approver, null))).isFalse();
        assertThat(changed(call("remove_group", "hr", finance, null))).isTrue();
        assertThat(changed(call("remove_group", "hr", finance, null))).isFalse();
        Exchange updated = call(
                "update_user",
                "hr",
                byExternalId,
                "{\"externalId\":\"hr-1001\",\"userName\":\"alice\",\"displayName\":\"Alice L.\"}");
        Exchange deactivated = call("deactivate_user", "hr", byExternalId, null);

        assertThat(body(updated)).containsEntry("displayName", "Alice L.");
        assertThat(body(deactivated)).containsEntry("active", false);
        assertThat(scim.users().get(0).getRoles()).isNullOrEmpty();
        assertThat(scim.groups().get(0).getMembers()).isNullOrEmpty();
        assertThat(scim.users().get(0).getActive()).isFalse();
        assertThat(meters.get(AdapterMetrics.REQUESTS)
                        .tags("instance", "hr", "operation", "assign_group", "outcome", "success")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void hostileUserInputIsRefusedBeforeTheBackend() {
        long before = scim.requestCount();

        assertThat(codeOf(
                        call("create_user", "hr", Map.of(), Map.of("externalId", "x", "userName", "x", "admin", true))))
                .isEqualTo("SCIM_REQUEST_INVALID");
        assertThat(codeOf(call("create_user", "hr", Map.of(), Map.of("externalId", "x", "userName", "a".repeat(300)))))
                .isEqualTo("SCIM_REQUEST_INVALID");
        assertThat(codeOf(call("create_user", "hr", Map.of(), "[1,2]"))).isEqualTo("SCIM_REQUEST_INVALID");
        assertThat(codeOf(call("create_user", "hr", Map.of(), Map.of("userName", "nobody"))))
                .isEqualTo("SCIM_REQUEST_INVALID");
        assertThat(codeOf(call(
                        "assign_group",
                        "hr",
                        Map.of(IdentityConstants.USER_ID, "u1", IdentityConstants.GROUP, "fin\nance"),
                        null)))
                .isEqualTo("SCIM_REQUEST_INVALID");
        assertThat(codeOf(call("assign_role", "hr", Map.of(IdentityConstants.ROLE, "admin"), null)))
                .as("no user named")
                .isEqualTo("SCIM_REQUEST_INVALID");
        assertThat(scim.requestCount()).isEqualTo(before);
    }

    @Test
    void aFilterInjectedThroughTheExternalIdFindsNobody() {
        call("create_user", "hr", Map.of(), Map.of("externalId", "hr-1", "userName", "alice"));

        Exchange injected = call(
                "deactivate_user",
                "hr",
                Map.of(IdentityConstants.EXTERNAL_ID, "x\" or userName pr or externalId eq \"y"),
                null);

        assertThat(codeOf(injected)).isEqualTo("SCIM_NOT_FOUND");
        assertThat(scim.users().get(0).getActive()).isTrue();
    }

    @Test
    void anIssuerInClearOverANetworkIsAConfigError() {
        install("cleartext", Map.of(IdentityDefinitions.ISSUER, "http://idp.example.com/realms/acme"));

        Exchange refused = call("create_user", "cleartext", Map.of(), Map.of("externalId", "x", "userName", "x"));

        assertThat(codeOf(refused)).isEqualTo(SpiErrorCode.CONFIG_INVALID.name());
        assertThat(refused.getException().getMessage()).contains("issuer must be https");
        assertThat(scim.users()).isEmpty();
    }
}
