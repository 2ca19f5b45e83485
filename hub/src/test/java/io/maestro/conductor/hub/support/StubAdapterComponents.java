package io.maestro.conductor.hub.support;

import org.apache.camel.component.stub.StubComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The hub does not bundle adapter components yet; a lenient stub under the {@code storage} scheme lets
 * test routes name storage instances, so the start-up indexing and validation can be tested on real
 * Camel routes. Nothing is ever sent to it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StubAdapterComponents {

    @Bean("storage")
    StubComponent storage() {
        return new StubComponent();
    }
}
