-- Partner adapter certification (hub/certification): one row per submitted adapter version, its state
-- (submitted -> in_review -> certified / rejected -> marketplace_ready), the review scan's rating and findings, and
-- where its evidence went. Every change of a row is also a receipt in the submitting tenant's chain.
CREATE TABLE adapter_certification (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(63)   NOT NULL,
    environment      VARCHAR(31)   NOT NULL,
    adapter_name     VARCHAR(63)   NOT NULL,
    adapter_version  VARCHAR(64)   NOT NULL,
    category         VARCHAR(40)   NOT NULL,
    owner            VARCHAR(63)   NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    risk_rating      VARCHAR(10)   NOT NULL,
    findings         TEXT          NOT NULL,
    key_id           VARCHAR(100)  NOT NULL,
    jar_sha256       VARCHAR(64)   NOT NULL,
    manifest_sha256  VARCHAR(64)   NOT NULL,
    evidence_instance VARCHAR(63)  NOT NULL,
    evidence_prefix  VARCHAR(200)  NOT NULL,
    evidence_sha256  VARCHAR(64)   NOT NULL,
    evidence_receipt VARCHAR(36)   NOT NULL,
    submitted_by     VARCHAR(200)  NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by      VARCHAR(200),
    reviewer_notes   VARCHAR(2000),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (adapter_name, adapter_version)
);

CREATE INDEX adapter_certification_tenant ON adapter_certification (tenant_id, submitted_at);

-- Dual control: who approved a high-risk adapter for the marketplace (two different people, neither the submitter).
CREATE TABLE adapter_certification_approval (
    certification_id VARCHAR(36)  NOT NULL REFERENCES adapter_certification (id),
    approver         VARCHAR(200) NOT NULL,
    approved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    receipt_id       VARCHAR(36)  NOT NULL,
    PRIMARY KEY (certification_id, approver)
);
