package io.maestro.conductor.adapter.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z9", "acme-eu.prod_2", "a.b.c"})
    void acceptsPlainNames(String name) {
        InstanceRef ref = new InstanceRef(name, "prod", "store");
        assertThat(ref.tenant()).isEqualTo(name);
        assertThat(ref.id()).isEqualTo(name + "/prod/store");
    }

    @Test
    void acceptsSixtyThreeCharactersButNotSixtyFour() {
        String longest = "a".repeat(63);
        assertThat(new InstanceRef("acme", "prod", longest).instance()).isEqualTo(longest);
        assertThatThrownBy(() -> new InstanceRef("acme", "prod", longest + "a")).isInstanceOf(AdapterException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "-x", "_x", "a..b", "a/b", "a b", "ä", "a\u0000", "a%2e"})
    void refusesAnythingElse(String name) {
        assertThatThrownBy(() -> new InstanceRef("acme", name, "store"))
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.NAME_INVALID));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> new InstanceRef(null, "prod", "store")).isInstanceOf(AdapterException.class);
    }

    @Test
    void equalPartsAreEqualRefs() {
        assertThat(new InstanceRef("acme", "prod", "store"))
                .isEqualTo(new InstanceRef("acme", "prod", "store"))
                .hasSameHashCodeAs(new InstanceRef("acme", "prod", "store"))
                .isNotEqualTo(new InstanceRef("acme", "prod", "store2"));
    }
}
