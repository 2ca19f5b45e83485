-- The Stripe customer and metered subscription each tenant is billed through, created once at the platform's
-- billing account (idempotency keys per tenant) and kept here, so Stripe is never asked to create them twice.
CREATE TABLE billing_account (
    tenant_id       VARCHAR(63)  NOT NULL PRIMARY KEY,
    customer_id     VARCHAR(255) NOT NULL,
    subscription_id VARCHAR(255) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
