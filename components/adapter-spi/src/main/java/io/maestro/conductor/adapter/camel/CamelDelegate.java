package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterException;
import java.util.function.Function;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The Camel connector endpoint and producer one backend delegates to, started once per instance config version.
 * Every failure, whether thrown by the producer or left on the exchange, leaves through the backend's own error
 * mapping, so callers see only coded {@link AdapterException}s.
 */
public final class CamelDelegate implements AutoCloseable {

    private final Endpoint endpoint;
    private final Producer producer;
    private final Function<Exception, AdapterException> errors;

    private CamelDelegate(Endpoint endpoint, Producer producer, Function<Exception, AdapterException> errors) {
        this.endpoint = endpoint;
        this.producer = producer;
        this.errors = errors;
    }

    /**
     * Starts the endpoint and a producer on it. Starting may already talk to the store (e.g. a bucket check), so it
     * fails like any call would: mapped, with whatever was started stopped again and {@code onFailure} run (the
     * caller's clients closed).
     */
    public static CamelDelegate start(
            Endpoint endpoint, Function<Exception, AdapterException> errors, Runnable onFailure) {
        Producer producer = null;
        try {
            ServiceHelper.startService(endpoint);
            producer = endpoint.createProducer();
            ServiceHelper.startService(producer);
            return new CamelDelegate(endpoint, producer, errors);
        } catch (Exception e) {
            ServiceHelper.stopAndShutdownServices(producer, endpoint);
            onFailure.run();
            throw errors.apply(e);
        }
    }

    public Exchange createExchange() {
        return endpoint.createExchange();
    }

    /** Runs the exchange through the producer; returns it for the reply, or throws the mapped failure. */
    public Exchange process(Exchange exchange) {
        try {
            producer.process(exchange);
        } catch (Exception e) {
            throw errors.apply(e);
        }
        if (exchange.getException() != null) {
            throw errors.apply(exchange.getException());
        }
        return exchange;
    }

    @Override
    public void close() {
        ServiceHelper.stopAndShutdownServices(producer, endpoint);
    }
}
