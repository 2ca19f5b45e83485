-- The billing sync's period ledger: one row per tenant and billing period, advanced step by step
-- (STARTED -> USAGE_SENT -> INVOICED), so a sync that is retried or restarts after a crash continues where it stopped
-- and a period is invoiced exactly once. Shipped in the payments jar; run by the registry's Flyway with the rest.
CREATE TABLE billing_ledger (
    tenant_id    VARCHAR(63)  NOT NULL,
    period       VARCHAR(7)   NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    usage_total  BIGINT,
    invoice_id   VARCHAR(255),
    last_error   VARCHAR(40),
    attempts     INT          NOT NULL,
    last_sync_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, period)
);

CREATE INDEX billing_ledger_last_sync ON billing_ledger (tenant_id, last_sync_at);
