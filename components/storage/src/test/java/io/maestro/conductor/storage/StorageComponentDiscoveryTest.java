package io.maestro.conductor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.testing.AllowAllGate;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The component is found by its scheme, wired from registry beans, and publishes its catalog metadata. */
class StorageComponentDiscoveryTest {

    @Test
    void isDiscoveredByItsSchemeAndAutowiredFromTheRegistry() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("instances", new InMemoryInstanceResolver());
            camel.getRegistry().bind("secrets", new InMemorySecretResolver());
            camel.getRegistry().bind("gate", new AllowAllGate());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:put").to("storage:put_object?instance=evidence&maxKeys=50");
                }
            });
            camel.start();

            StorageComponent component = camel.getComponent("storage", StorageComponent.class);
            assertThat(component.getGovernanceGate()).isInstanceOf(AllowAllGate.class);
            StorageEndpoint endpoint =
                    camel.getEndpoint("storage:put_object?instance=evidence&maxKeys=50", StorageEndpoint.class);
            assertThat(endpoint.getInstance()).isEqualTo("evidence");
            assertThat(endpoint.getConfiguration().getMaxKeys()).isEqualTo(50);

            String catalog;
            try (var json =
                    StorageComponent.class.getResourceAsStream("/META-INF/io/maestro/conductor/storage/storage.json")) {
                catalog = new String(json.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(catalog)
                    .contains("\"title\": \"Conductor Storage\"")
                    .contains("\"syntax\": \"storage:operation\"")
                    .contains("CamelConductorStorageKey")
                    .contains("\"producerOnly\": true");
        }
    }

    @Test
    void refusesToStartWithoutAGovernanceGate() {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("instances", new InMemoryInstanceResolver());
        camel.getRegistry().bind("secrets", new InMemorySecretResolver());
        assertThatThrownBy(() -> {
                    camel.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:put").to("storage:put_object?instance=evidence");
                        }
                    });
                    camel.start();
                })
                .hasRootCauseInstanceOf(AdapterException.class)
                .rootCause()
                .hasMessageContaining("GovernanceGate");
        camel.stop();
    }

    @Test
    void anUnknownOperationIsRefusedWhenTheRouteIsBuilt() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("gate", new AllowAllGate());
            assertThatThrownBy(() -> camel.getEndpoint("storage:rename?instance=evidence"))
                    .rootCause()
                    .hasMessageContaining("OPERATION_INVALID");
        }
    }
}
