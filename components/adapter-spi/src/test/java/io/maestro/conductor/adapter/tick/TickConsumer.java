package io.maestro.conductor.adapter.tick;

import io.maestro.conductor.adapter.camel.AdapterConsumer;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;

/** Receives from the instance's seda queue; the lag is what waits in the queue. */
class TickConsumer extends AdapterConsumer<TickQueue> {

    private TickQueue queue;

    TickConsumer(TickEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected Consumer createDelegateConsumer(TickQueue queue, ResolvedInstance instance, Processor onMessage)
            throws Exception {
        this.queue = queue;
        return queue.endpoint().createConsumer(onMessage);
    }

    @Override
    protected long lag() {
        return queue == null ? -1 : queue.endpoint().getCurrentQueueSize();
    }
}
