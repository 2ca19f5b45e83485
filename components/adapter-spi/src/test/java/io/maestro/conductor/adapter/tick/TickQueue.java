package io.maestro.conductor.adapter.tick;

import io.maestro.conductor.adapter.camel.CamelDelegate;
import org.apache.camel.component.seda.SedaEndpoint;

/** The delegate of one tick instance: its seda queue and a started producer on it. */
public record TickQueue(SedaEndpoint endpoint, CamelDelegate producer) implements AutoCloseable {

    @Override
    public void close() {
        producer.close();
    }
}
