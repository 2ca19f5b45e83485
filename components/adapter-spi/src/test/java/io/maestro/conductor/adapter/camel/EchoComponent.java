package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.adapter.tick.TickErrorCode;
import java.util.concurrent.CopyOnWriteArrayList;

/** The smallest adapter on the SPI: {@code echo:<operation>?instance=x} replies "greeting + body". */
class EchoComponent extends AdapterComponent<EchoComponent.Delegate> {

    final CopyOnWriteArrayList<Delegate> built = new CopyOnWriteArrayList<>();

    @Override
    public String category() {
        return "echo";
    }

    @Override
    protected Delegate createDelegate(ResolvedInstance instance, InstanceSecrets secrets) {
        Delegate delegate = new Delegate(
                instance.configVersion(),
                instance.requireOption("greeting"),
                secrets.require("token", "echo.client").reveal().length());
        built.add(delegate);
        return delegate;
    }

    @Override
    protected void probe(Delegate delegate, ResolvedInstance instance) {
        if (delegate.greeting.equals("unreachable")) {
            throw new AdapterException(
                    TickErrorCode.TICK_UNREACHABLE, instance.ref().id(), "probe failed");
        }
        if (delegate.greeting.equals("refused")) {
            throw new AdapterException(
                    TickErrorCode.TICK_REFUSED, instance.ref().id(), "credentials refused");
        }
    }

    @Override
    protected EchoEndpoint newEndpoint(String uri) {
        return new EchoEndpoint(uri, this);
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

    static final class EchoEndpoint extends AdapterEndpoint<Delegate> {
        EchoEndpoint(String uri, EchoComponent component) {
            super(uri, component);
        }

        @Override
        protected Operations<Delegate> createOperations() {
            return new Operations<Delegate>()
                    .on(
                            "say",
                            (exchange, delegate, invocation) -> exchange.getMessage()
                                    .setBody(delegate.greeting + " "
                                            + exchange.getMessage().getBody(String.class)));
        }
    }
}
