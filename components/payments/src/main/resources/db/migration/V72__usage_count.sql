-- Billable usage per tenant, billing period (UTC month), environment and source: 'adapter:<category>' for adapter
-- calls (flushed from the adapter metrics), any other source for usage events. Counts only grow (quantity + delta),
-- so every hub of a cluster adds its own share. The billing sync sums a period's rows per tenant.
CREATE TABLE usage_count (
    tenant_id   VARCHAR(63)  NOT NULL,
    period      VARCHAR(7)   NOT NULL,
    environment VARCHAR(31)  NOT NULL,
    source      VARCHAR(100) NOT NULL,
    quantity    BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, period, environment, source)
);

CREATE INDEX usage_count_period ON usage_count (period, tenant_id);
