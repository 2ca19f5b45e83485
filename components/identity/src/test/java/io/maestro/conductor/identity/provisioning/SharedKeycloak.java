package io.maestro.conductor.identity.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.sandbox.identity.KeycloakSandbox;
import java.nio.file.Path;

/**
 * One real Keycloak (realm {@code conductor} of {@code src/test/resources/keycloak/conductor-realm.json}) for every
 * slow test of this module's test JVM: a start costs 15 s to minutes, so all of them
 * share it. Stopped when the JVM exits.
 */
public final class SharedKeycloak {

    public static final String REALM = "conductor";
    private static KeycloakSandbox keycloak;

    private SharedKeycloak() {}

    public static synchronized KeycloakSandbox get() {
        if (keycloak == null) {
            String dist = System.getProperty("keycloak.dist");
            assertThat(dist)
                    .as("system property keycloak.dist (set by the module's pom)")
                    .isNotBlank();
            keycloak = KeycloakSandbox.start(
                    Path.of(dist),
                    Path.of("target", "keycloak"),
                    Path.of("src", "test", "resources", "keycloak", "conductor-realm.json"));
            KeycloakSandbox started = keycloak;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "keycloak-stop"));
        }
        return keycloak;
    }
}
