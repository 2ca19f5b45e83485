-- The notary's seal of each provenance receipt: a JWS with the tenant's key and an RFC 3161 timestamp over the
-- receipt's canonical JSON (whose SHA-256 is the receipt's hash). Written once per receipt, never updated.
-- Shipped in the notary jar; run by the registry's Flyway with the rest.
CREATE TABLE receipt_seal (
    receipt_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(63)  NOT NULL,
    seq             BIGINT       NOT NULL,
    key_id          VARCHAR(64)  NOT NULL,
    signature       TEXT         NOT NULL,
    public_jwk      TEXT         NOT NULL,
    timestamp_token TEXT         NOT NULL,
    timestamped_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sealed_by       VARCHAR(200) NOT NULL
);

CREATE INDEX receipt_seal_tenant_seq ON receipt_seal (tenant_id, seq);
