package com.acme.hello;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.config.InstanceConfig;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import org.apache.camel.spi.annotations.Component;

/** {@code hello:greet?instance=x}: greets the message body's name through the instance's greeting service. */
@Component("hello")
public class HelloComponent extends AdapterComponent<HelloClient> {

    static final String CATEGORY = "notifications";

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    protected AdapterEndpoint<HelloClient> newEndpoint(String uri) {
        return new HelloEndpoint(uri, this);
    }

    @Override
    protected HelloClient createDelegate(ResolvedInstance instance, InstanceSecrets secrets) {
        InstanceConfig config = HelloDefinitions.CONFIG.parse(instance);
        return new HelloClient(
                instance.ref().id(),
                config.requireString(HelloDefinitions.ENDPOINT),
                config.requireString(HelloDefinitions.GREETING),
                secrets.require(HelloDefinitions.API_KEY, "hello.greet"));
    }

    @Override
    protected void probe(HelloClient client, ResolvedInstance instance) {
        client.probe();
    }
}
