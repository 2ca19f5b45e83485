package io.maestro.conductor.ticketing;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code ticketing:} component (see README). */
public final class TicketingConstants {

    @Metadata(
            description =
                    "Overrides the endpoint's operation for this exchange (create, update, comment, close, lookup)",
            javaType = "String")
    public static final String OPERATION = "CamelConductorTicketingOperation";

    @Metadata(
            description = "The caller's key of the ticket ([A-Za-z0-9._:-], up to 100), e.g. an alert id: required by "
                    + "create and lookup; update, comment and close take it or the ticket id",
            javaType = "String")
    public static final String EXTERNAL_KEY = "CamelConductorTicketingExternalKey";

    @Metadata(
            description = "The tracker's id of the ticket: in for update, comment and close (instead of the external "
                    + "key); set on every success",
            javaType = "String")
    public static final String TICKET_ID = "CamelConductorTicketingTicketId";

    @Metadata(
            description = "Set by create: true when this call made the ticket, false when one with the external key "
                    + "already existed (a retried create)",
            javaType = "Boolean")
    public static final String CREATED = "CamelConductorTicketingCreated";

    @Metadata(description = "Set by lookup, close and create: whether the ticket is closed", javaType = "Boolean")
    public static final String CLOSED = "CamelConductorTicketingClosed";

    @Metadata(description = "Set by lookup: whether a ticket has the external key", javaType = "Boolean")
    public static final String FOUND = "CamelConductorTicketingFound";

    private TicketingConstants() {}
}
