-- Stripe webhook events a tenant's environment has taken in: the event id is claimed here (primary key) before the
-- event is processed, so a redelivery, a concurrent delivery on another hub or one after a restart is processed once.
CREATE TABLE payments_webhook_event (
    tenant_id   VARCHAR(63)  NOT NULL,
    environment VARCHAR(31)  NOT NULL,
    event_id    VARCHAR(255) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, environment, event_id)
);

CREATE INDEX payments_webhook_event_received ON payments_webhook_event (received_at);
