package io.maestro.conductor.eventbus;

import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;

/**
 * The delegate of one event-bus instance config version: a broker client that sends to and receives from
 * destinations already put in the tenant's namespace. Every failure leaves as a coded {@code AdapterException}.
 */
public interface EventBackend extends AutoCloseable {

    /** The broker's name of a route's topic in this namespace (a Kafka topic, an SQS queue). */
    String destination(TopicNamespace namespace, String topic);

    /** The namespace's dead-letter destination. */
    String deadLetters(TopicNamespace namespace);

    /** The consumer group of a subscription (SQS has none: every consumer of a queue competes). */
    String group(TopicNamespace namespace, String group);

    /** Sends one message and returns once the broker has it (Kafka: all in-sync replicas). */
    void publish(String destination, String body, Map<String, String> headers);

    /**
     * A Camel consumer of the destination that hands each message to {@code onMessage} and acknowledges it (commits
     * its offset, deletes it) only when the exchange comes back without an exception.
     */
    Consumer subscribe(String destination, String group, Processor onMessage) throws Exception;

    /** Messages waiting for the group at the destination, or -1 when the broker cannot say. */
    long waiting(String destination, String group);

    /** Whether the subscription's consumer is connected, where the client can tell; null where it cannot. */
    default String consumerProblem(Consumer consumer) {
        return null;
    }

    /** The largest body, in UTF-8 bytes, this instance accepts. */
    int maxMessageBytes();

    /** The cheapest call that proves broker and credentials. */
    void probe(TopicNamespace namespace);

    @Override
    void close();
}
