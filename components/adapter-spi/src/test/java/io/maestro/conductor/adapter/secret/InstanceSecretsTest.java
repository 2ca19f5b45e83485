package io.maestro.conductor.adapter.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceSecretsTest {

    private final InMemorySecretResolver vault = new InMemorySecretResolver().put("acme", "prod", "key", "v4lue");

    @Test
    void resolvesReferencesInTheInstanceNamespaceWithAPurpose() {
        InstanceSecrets secrets = secrets(Map.of("secretKey", "secret:key"));
        Secret secret = secrets.require("secretKey", "storage.s3.client");
        assertThat(secret.reveal()).isEqualTo("v4lue");
        assertThat(secret.toString()).isEqualTo("****");
        assertThat(vault.reads()).containsExactly("acme/prod/store key storage.s3.client");
        assertThat(secrets.optional("absent", "p")).isEmpty();
    }

    @Test
    void refusesALiteralWhereAReferenceBelongsWithoutEchoingIt() {
        assertThatThrownBy(() ->
                        secrets(Map.of("secretKey", "plain-text-credential")).require("secretKey", "p"))
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.CONFIG_INVALID))
                .hasMessageContaining("secretKey")
                .hasMessageNotContaining("plain-text-credential");
    }

    @Test
    void aMissingSecretIsCoded() {
        assertThatThrownBy(() -> secrets(Map.of("secretKey", "secret:other")).require("secretKey", "p"))
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.SECRET_NOT_FOUND));
    }

    @Test
    void instanceNamesCannotCarryPathSyntax() {
        assertThatThrownBy(() -> new InstanceRef("acme/../x", "prod", "store"))
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.NAME_INVALID));
    }

    private InstanceSecrets secrets(Map<String, String> config) {
        return new InstanceSecrets(
                new ResolvedInstance(
                        new InstanceRef("acme", "prod", "store"), "storage", "s3", 1, null, "low", "internal", config),
                vault);
    }
}
