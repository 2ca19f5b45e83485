package com.acme.hello;

import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.camel.Operations;
import org.apache.camel.spi.UriEndpoint;

/** {@code hello:greet?instance=x}: the body is the name to greet; the reply becomes the body. */
@UriEndpoint(
        firstVersion = "1.0.0",
        scheme = "hello",
        title = "Hello (dev kit example)",
        syntax = "hello:operation",
        producerOnly = true,
        category = org.apache.camel.Category.MESSAGING)
public class HelloEndpoint extends AdapterEndpoint<HelloClient> {

    public HelloEndpoint(String uri, HelloComponent component) {
        super(uri, component);
    }

    @Override
    protected Operations<HelloClient> createOperations() {
        return new Operations<HelloClient>()
                .on(
                        "greet",
                        (exchange, client, call) -> exchange.getMessage()
                                .setBody(client.greet(exchange.getMessage().getBody(String.class))));
    }
}
