package io.maestro.conductor.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ConductorUserDirectoryTest {

    private static final String OPERATOR_HASH = new BCryptPasswordEncoder(4).encode("operator-password");

    private static ApiUserProperties users(ApiUserProperties.ApiUser... users) {
        return new ApiUserProperties(List.of(users));
    }

    @Test
    void aClearTextApiUserPasswordStopsTheStartNamingTheSettingAndTheToolButNotTheValue() {
        ApiUserProperties configured = users(
                new ApiUserProperties.ApiUser(
                        "atlas-ci", new BCryptPasswordEncoder(4).encode("fine"), Set.of("atlas"), Set.of()),
                new ApiUserProperties.ApiUser("orbit-ci", "plain-text-secret-123", Set.of("orbit"), Set.of()));

        assertThatThrownBy(() -> new ConductorUserDirectory(OPERATOR_HASH, configured))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("conductor.security.users[1].password")
                .hasMessageContaining("orbit-ci")
                .hasMessageContaining("bin/conductor users hash")
                .hasMessageNotContaining("plain-text-secret-123");
    }

    @Test
    void aMissingPasswordIsRefusedToo() {
        assertThatThrownBy(() -> new ConductorUserDirectory(
                        OPERATOR_HASH,
                        users(new ApiUserProperties.ApiUser("atlas-ci", null, Set.of("atlas"), Set.of()))))
                .hasMessageContaining("conductor.security.users[0].password");
    }

    @Test
    void bcryptHashesOfEveryVariantAreAccepted() {
        String hash = new BCryptPasswordEncoder(4).encode("pw");
        ConductorUserDirectory directory = new ConductorUserDirectory(
                OPERATOR_HASH,
                users(
                        new ApiUserProperties.ApiUser("a", hash, Set.of("atlas"), Set.of()),
                        new ApiUserProperties.ApiUser(
                                "b", hash.replaceFirst("^\\$2a", "\\$2b"), Set.of("atlas"), Set.of()),
                        new ApiUserProperties.ApiUser(
                                "c", hash.replaceFirst("^\\$2a", "\\$2y"), Set.of("atlas"), Set.of())));

        assertThat(directory.loadUserByUsername("b").getPassword()).startsWith("$2b$");
        assertThat(directory.loadUserByUsername("operator").getPassword()).isEqualTo(OPERATOR_HASH);
    }
}
