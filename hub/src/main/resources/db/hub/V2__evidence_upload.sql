-- Evidence bundles stored by the evidence-upload workflow: one row per tenant and bundle id, written in the same
-- transaction as the bundle's provenance receipt, so a bundle is receipted exactly once however often it is sent.
CREATE TABLE evidence_upload (
    tenant_id       VARCHAR(63)  NOT NULL,
    bundle_id       VARCHAR(64)  NOT NULL,
    environment     VARCHAR(31)  NOT NULL,
    instance        VARCHAR(63)  NOT NULL,
    manifest_sha256 VARCHAR(64)  NOT NULL,
    receipt_id      VARCHAR(36)  NOT NULL,
    stored_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, bundle_id)
);

-- Uploads that failed for good (or after their retries): the whole request is kept so nothing is lost and an
-- operator can retry it. status: FAILED until a retry succeeds (RESOLVED).
CREATE TABLE evidence_dead_letter (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(63)   NOT NULL,
    environment VARCHAR(31)   NOT NULL,
    bundle_id   VARCHAR(64)   NOT NULL,
    code        VARCHAR(40)   NOT NULL,
    detail      VARCHAR(1000) NOT NULL,
    request     TEXT          NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    retries     INT           NOT NULL,
    failed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX evidence_dead_letter_tenant ON evidence_dead_letter (tenant_id, status, failed_at);
