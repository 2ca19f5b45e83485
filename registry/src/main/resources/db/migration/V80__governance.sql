-- Dual control: a lifecycle action the policy holds for approval waits here until another person approves
-- (then it is applied in the same transaction), rejects it, or it expires or goes stale. "change" is the action's
-- request as JSON (configs hold secret references only); base_config_version is the instance's version the request
-- was made against (0 for an install), so a request overtaken by another change is never applied.
CREATE TABLE change_request (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id           VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    environment         VARCHAR(31)  NOT NULL,
    instance            VARCHAR(63)  NOT NULL,
    operation           VARCHAR(20)  NOT NULL,
    actions             VARCHAR(200) NOT NULL,
    change              TEXT         NOT NULL,
    base_config_version BIGINT       NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    requested_by        VARCHAR(200) NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    request_decision_id VARCHAR(64)  NOT NULL,
    decided_by          VARCHAR(200),
    decided_at          TIMESTAMP WITH TIME ZONE,
    decision_id         VARCHAR(64),
    reason              VARCHAR(500)
);

CREATE INDEX change_request_tenant ON change_request (tenant_id, requested_at);
