package io.maestro.conductor.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jwt.SignedJWT;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import io.maestro.conductor.identity.provisioning.SharedKeycloak;
import io.maestro.conductor.sandbox.identity.KeycloakSandbox;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Key rotation on a real Keycloak (26.5.6, started from the Maven Central zip): tokens signed with a key rotated
 * in are validated without a restart; tokens of the old key stay valid until that key is disabled, then fail.
 */
@Tag("slow")
class KeycloakKeyRotationTest {

    private static final String REALM = SharedKeycloak.REALM;
    private static final Duration CACHE_TTL = Duration.ofSeconds(2);
    private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);
    private static KeycloakSandbox keycloak;

    @BeforeAll
    static void start() {
        keycloak = SharedKeycloak.get();
    }

    private static String token() {
        return keycloak.passwordGrant(REALM, "conductor", "conductor-test-secret", "alice", "alice-password");
    }

    private static String kid(String token) throws ParseException {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @Test
    void aRotatedInKeyIsUsedWithoutRestartAndOldTokensLastUntilTheirKeyIsDisabled() throws Exception {
        OidcProvider provider = OidcProvider.connect(
                OidcSettings.of(keycloak.issuer(REALM), "conductor").withJwksTiming(CACHE_TTL, REFRESH_INTERVAL),
                new ClaimMapping("realm_access.roles", "groups", "tenant", "acr"),
                TokenValidationTest.HTTP);
        String before = token();
        assertThat(provider.validate(before).keyId()).isEqualTo(kid(before));
        Map<String, String> original = keycloak.signingKeyProviders(REALM);
        assertThat(original).containsKey("rsa-generated");

        keycloak.addSigningKey(REALM, "rotated", 200);
        String after = token();
        assertThat(kid(after)).isNotEqualTo(kid(before));
        Thread.sleep(REFRESH_INTERVAL.toMillis() + 200);

        assertThat(provider.validate(after).keyId()).isEqualTo(kid(after));
        assertThat(provider.validate(before).subject())
                .isEqualTo(provider.validate(after).subject());
        assertThat(provider.attributes(after).roles()).contains("operator");

        keycloak.disableSigningKey(REALM, original.get("rsa-generated"));
        Thread.sleep(CACHE_TTL.toMillis() + 500);

        assertThat(catchThrowableOfType(() -> provider.validate(before), IdentityException.class)
                        .code())
                .isEqualTo(IdentityErrorCode.TOKEN_INVALID);
        assertThat(provider.validate(after).keyId()).isEqualTo(kid(after));
    }
}
