package io.maestro.conductor.adapter.camel;

import org.apache.camel.Exchange;

/**
 * One operation of an adapter (e.g. storage's {@code put_object}): does the work against the instance's delegate
 * once the instance is resolved and the gate allowed the call. Failures leave as
 * {@link io.maestro.conductor.adapter.AdapterException} with a stable code; never put a credential, signed URL or
 * payload in a message.
 *
 * @param <D> the component's delegate type
 */
@FunctionalInterface
public interface Operation<D> {

    void invoke(Exchange exchange, D delegate, Invocation invocation) throws Exception;
}
