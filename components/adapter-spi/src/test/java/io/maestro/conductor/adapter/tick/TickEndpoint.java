package io.maestro.conductor.adapter.tick;

import io.maestro.conductor.adapter.camel.AdapterConsumer;
import io.maestro.conductor.adapter.camel.ConsumingAdapterEndpoint;
import io.maestro.conductor.adapter.camel.Operations;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;

/** {@code tick:send?instance=x} puts the body on the instance's queue; {@code from: tick:receive?...} receives. */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "tick",
        title = "Tick (test adapter)",
        syntax = "tick:operation",
        category = org.apache.camel.Category.MESSAGING)
public class TickEndpoint extends ConsumingAdapterEndpoint<TickQueue> {

    public TickEndpoint(String uri, TickComponent component) {
        super(uri, component);
    }

    @Override
    protected Operations<TickQueue> createOperations() {
        return new Operations<TickQueue>().on("send", (exchange, queue, invocation) -> {
            var sent = queue.producer().createExchange();
            sent.getMessage().copyFrom(exchange.getMessage());
            queue.producer().process(sent);
        });
    }

    @Override
    protected AdapterConsumer<TickQueue> createAdapterConsumer(Processor processor) {
        return new TickConsumer(this, processor);
    }
}
