package io.maestro.conductor.eventbus;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code eventbus:} component. */
public final class EventbusConstants {

    @Metadata(description = "Overrides the endpoint's operation for this exchange (publish)", javaType = "String")
    public static final String OPERATION = "CamelConductorEventbusOperation";

    @Metadata(
            description = "Topic of the message, as the route names it (without the tenant's namespace): set on "
                    + "received messages; on publish it overrides the endpoint's topic",
            javaType = "String")
    public static final String TOPIC = "CamelConductorEventbusTopic";

    @Metadata(
            description = "Id of the event, set on publish when absent and carried to every consumer: the key an "
                    + "idempotent consumer remembers, so a message delivered twice is processed once",
            javaType = "String")
    public static final String EVENT_ID = "ConductorEventId";

    @Metadata(
            label = "consumer",
            description = "On a dead letter: the error code of the failure that sent it there",
            javaType = "String")
    public static final String DEAD_LETTER_CODE = "ConductorDeadLetterCode";

    @Metadata(
            label = "consumer",
            description = "On a dead letter: the failure, masked (never a secret or payload)",
            javaType = "String")
    public static final String DEAD_LETTER_ERROR = "ConductorDeadLetterError";

    @Metadata(
            label = "consumer",
            description = "On a dead letter: the topic it was received from (without the namespace)",
            javaType = "String")
    public static final String DEAD_LETTER_TOPIC = "ConductorDeadLetterTopic";

    @Metadata(
            label = "consumer",
            description = "On a dead letter: when it was dead-lettered (ISO-8601)",
            javaType = "String")
    public static final String DEAD_LETTER_AT = "ConductorDeadLetterAt";

    private EventbusConstants() {}
}
