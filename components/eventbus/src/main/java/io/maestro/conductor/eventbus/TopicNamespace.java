package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.instance.InstanceRef;
import java.util.regex.Pattern;

/**
 * Where a tenant's topics live at the broker. A route names a topic ({@code evidence.stored}); the adapter puts it
 * under the namespace of the tenant and environment the call resolved to: {@code <tenant>.<env>.<topic>} on Kafka,
 * {@code <tenant>_<env>_<topic with '.' as '_'>} on SQS (whose names have no dots). The prefix is the adapter's, not
 * the route's: a topic is one or more lower-case segments, so it can neither step out of the namespace nor match
 * several topics. Tenant and environment names have neither '.' nor '_' (the registry's grammar, checked again
 * here), so two namespaces never share a name. Each namespace has one dead-letter topic, named with a '_' that no
 * topic can contain.
 */
public final class TopicNamespace {

    /** One or more dot-separated segments of lower-case letters, digits and '-', each starting with a letter. */
    public static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]{0,62}(\\.[a-z][a-z0-9-]{0,62}){0,7}");

    public static final int MAX_TOPIC_LENGTH = 120;
    /** SQS queue names are at most 80 characters. */
    static final int MAX_SQS_QUEUE_LENGTH = 80;

    private static final Pattern TENANT_OR_ENVIRONMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final String DEAD_LETTERS = "_dead-letters";

    private final InstanceRef ref;

    public TopicNamespace(InstanceRef ref) {
        if (!TENANT_OR_ENVIRONMENT.matcher(ref.tenant()).matches()
                || !TENANT_OR_ENVIRONMENT.matcher(ref.environment()).matches()) {
            throw new AdapterException(
                    EventbusErrorCode.EVENTBUS_TOPIC_INVALID,
                    ref.id(),
                    "tenant and environment of an event-bus instance are lower-case letters, digits and '-'");
        }
        this.ref = ref;
    }

    /** The topic as named, if it is a topic name; else {@code EVENTBUS_TOPIC_INVALID} naming the rule. */
    public static String requireTopic(String topic, String instanceId) {
        if (topic == null
                || topic.length() > MAX_TOPIC_LENGTH
                || !TOPIC.matcher(topic).matches()) {
            throw new AdapterException(
                    EventbusErrorCode.EVENTBUS_TOPIC_INVALID,
                    instanceId,
                    "a topic is 1-8 dot-separated segments of lower-case letters, digits and '-' (each starting with "
                            + "a letter), at most " + MAX_TOPIC_LENGTH + " characters; no wildcards");
        }
        return topic;
    }

    public String kafkaTopic(String topic) {
        return prefix('.') + requireTopic(topic, ref.id());
    }

    public String kafkaDeadLetters() {
        return prefix('.') + DEAD_LETTERS;
    }

    /** Consumer groups live in the namespace too, so a tenant's group never joins another tenant's. */
    public String kafkaGroup(String group) {
        return prefix('.') + requireTopic(group, ref.id());
    }

    public String sqsQueue(String topic) {
        return sqsName(requireTopic(topic, ref.id()).replace('.', '_'));
    }

    public String sqsDeadLetters() {
        return sqsName(DEAD_LETTERS);
    }

    private String sqsName(String name) {
        String queue = prefix('_') + name;
        if (queue.length() > MAX_SQS_QUEUE_LENGTH) {
            throw new AdapterException(
                    EventbusErrorCode.EVENTBUS_TOPIC_INVALID,
                    ref.id(),
                    "the topic makes an SQS queue name longer than " + MAX_SQS_QUEUE_LENGTH
                            + " characters with the tenant's prefix");
        }
        return queue;
    }

    private String prefix(char separator) {
        return ref.tenant() + separator + ref.environment() + separator;
    }
}
