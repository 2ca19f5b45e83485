package io.maestro.conductor.notify;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code notify:} component: the {@code notify:send} contract. */
public final class NotifyConstants {

    @Metadata(description = "Overrides the endpoint's operation for this exchange (send)", javaType = "String")
    public static final String OPERATION = "CamelConductorNotificationsOperation";

    @Metadata(
            description = "Required: what happened, e.g. adapter.down or user.invited ([a-z0-9._-], up to 100); the "
                    + "webhook's event type and the default template name",
            javaType = "String")
    public static final String EVENT = "CamelConductorNotifyEvent";

    @Metadata(
            description = "e-mail: the template to render (default: the event); the instance's templates are the "
                    + "tenant's",
            javaType = "String")
    public static final String TEMPLATE = "CamelConductorNotifyTemplate";

    @Metadata(
            description = "e-mail: recipients, comma-separated addresses (default: the instance's defaultTo)",
            javaType = "String")
    public static final String TO = "CamelConductorNotifyTo";

    @Metadata(
            description = "Set on success: the delivery's id (the webhook's Conductor-Event-Id, the mail's Message-ID)",
            javaType = "String")
    public static final String DELIVERY_ID = "CamelConductorNotifyDeliveryId";

    @Metadata(description = "Set on success: how many attempts the delivery took", javaType = "Integer")
    public static final String ATTEMPTS = "CamelConductorNotifyAttempts";

    private NotifyConstants() {}
}
