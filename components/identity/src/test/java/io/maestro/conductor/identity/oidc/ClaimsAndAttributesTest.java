package io.maestro.conductor.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import io.maestro.conductor.sandbox.identity.OidcSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** fetch_claims (userinfo over HTTP) and map_attributes against a real OIDC provider. */
class ClaimsAndAttributesTest {

    private static OidcSandbox oidc;
    private static OidcProvider provider;

    @BeforeAll
    static void start() {
        oidc = OidcSandbox.start();
        provider = OidcProvider.connect(
                OidcSettings.of(oidc.issuer("acme"), "conductor"),
                new ClaimMapping("realm_access.roles", "groups", "https://conductor.example/tenant", "acr"),
                TokenValidationTest.HTTP);
    }

    @AfterAll
    static void stop() {
        oidc.close();
    }

    private static String token(Map<String, Object> claims) {
        return oidc.issueToken("acme", "alice", "conductor", claims, Duration.ofMinutes(5));
    }

    @Test
    void userInfoAnswersForTheTokensSubject() {
        String token = token(Map.of("email", "alice@example.com"));

        Map<String, Object> claims = provider.userInfo(token);

        assertThat(provider.metadata().userInfoEndpoint()).isEqualTo(oidc.userInfoUrl("acme"));
        assertThat(claims).containsEntry("sub", "alice").containsEntry("email", "alice@example.com");
    }

    @Test
    void userInfoIsNeverAskedWithAnInvalidToken() {
        long before = oidc.requestCount(oidc.userInfoUrl("acme").getPath());
        String foreign = oidc.issueToken("other", "alice", "conductor", Map.of(), Duration.ofMinutes(5));

        IdentityException failure = catchThrowableOfType(() -> provider.userInfo(foreign), IdentityException.class);

        assertThat(failure.code()).isEqualTo(IdentityErrorCode.TOKEN_INVALID);
        assertThat(oidc.requestCount(oidc.userInfoUrl("acme").getPath())).isEqualTo(before);
    }

    @Test
    void mapsNestedNamespacedAndSpaceSeparatedClaims() {
        String token = token(Map.of(
                "realm_access", Map.of("roles", List.of("operator", "viewer", "operator")),
                "groups", "finance  eu-staff",
                "https://conductor.example/tenant", "acme",
                "acr", "2"));

        IdentityAttributes attributes = provider.attributes(token);

        assertThat(attributes.subject()).isEqualTo("alice");
        assertThat(attributes.roles()).containsExactly("operator", "viewer");
        assertThat(attributes.groups()).containsExactly("finance", "eu-staff");
        assertThat(attributes.tenant()).isEqualTo("acme");
        assertThat(attributes.assurance()).isEqualTo("2");
        assertThat(attributes.toMap()).containsOnlyKeys("subject", "tenant", "roles", "groups", "assurance");
    }

    @Test
    void absentClaimsGiveEmptyAttributesAndWrongShapesAreRefused() {
        IdentityAttributes bare = provider.attributes(token(Map.of()));
        assertThat(bare.roles()).isEmpty();
        assertThat(bare.groups()).isEmpty();
        assertThat(bare.toMap()).doesNotContainKeys("tenant", "assurance");

        String listTenant = token(Map.of("https://conductor.example/tenant", List.of("acme", "globex")));
        String objectRoles = token(Map.of("realm_access", Map.of("roles", List.of(Map.of("name", "admin")))));
        assertThat(catchThrowableOfType(() -> provider.attributes(listTenant), IdentityException.class)
                        .code())
                .isEqualTo(IdentityErrorCode.CLAIM_INVALID);
        assertThat(catchThrowableOfType(() -> provider.attributes(objectRoles), IdentityException.class)
                        .getMessage())
                .contains("realm_access.roles");
    }
}
