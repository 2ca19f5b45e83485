package io.maestro.conductor.adapter.camel;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;

/** The smallest adapter on the SPI: {@code echo:<operation>?instance=x} replies "greeting + body". */
class EchoComponent extends AdapterComponent<EchoComponent.Delegate> {

    final CopyOnWriteArrayList<Delegate> built = new CopyOnWriteArrayList<>();

    @Override
    public String category() {
        return "echo";
    }

    @Override
    protected Delegate createDelegate(ResolvedInstance instance, InstanceSecrets secrets) {
        Delegate delegate = new Delegate(instance.configVersion(), instance.requireOption("greeting"),
                secrets.require("token", "echo.client").reveal().length());
        built.add(delegate);
        return delegate;
    }

    @Override
    protected void probe(Delegate delegate, ResolvedInstance instance) {
        if (delegate.greeting.equals("unreachable")) {
            throw new AdapterException(EchoErrorCode.ECHO_UNREACHABLE, instance.ref().id(), "probe failed");
        }
        if (delegate.greeting.equals("refused")) {
            throw new AdapterException(EchoErrorCode.ECHO_REFUSED, instance.ref().id(), "credentials refused");
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        EchoEndpoint endpoint = new EchoEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    static final class Delegate implements AutoCloseable {
        final long configVersion;
        final String greeting;
        final int tokenLength;
        volatile boolean closed;

        Delegate(long configVersion, String greeting, int tokenLength) {
            this.configVersion = configVersion;
            this.greeting = greeting;
            this.tokenLength = tokenLength;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class EchoEndpoint extends AdapterEndpoint {
        private final String operation;

        EchoEndpoint(String uri, EchoComponent component, String operation) {
            super(uri, component);
            this.operation = operation;
        }

        @Override
        public Producer createProducer() {
            return new AdapterProducer<Delegate>(this) {
                @Override
                protected String operation(Exchange exchange) {
                    return operation;
                }

                @Override
                protected void invoke(Exchange exchange, Delegate delegate, Invocation invocation) {
                    exchange.getMessage().setBody(delegate.greeting + " " + exchange.getMessage().getBody(String.class));
                }
            };
        }
    }
}
