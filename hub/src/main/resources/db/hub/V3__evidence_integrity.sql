-- Evidence bundles become write-once per tenant, environment and bundle id (V51 keyed them by tenant and bundle id
-- only, so the same id in another environment got the first one's receipt). A row is claimed IN_PROGRESS before
-- the first object is written and turns STORED in the transaction that writes the bundle's receipt, so an upload
-- cut short by a crash leaves a visible IN_PROGRESS row that the hub turns into a dead letter at its next start.
CREATE TABLE evidence_bundle (
    tenant_id       VARCHAR(63)  NOT NULL,
    environment     VARCHAR(31)  NOT NULL,
    bundle_id       VARCHAR(64)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    -- the hub's staging folder of this upload (data-dir/evidence-spool/<upload_id>); null for V51 rows
    upload_id       VARCHAR(36),
    -- SHA-256 of the manifest: identical content has an identical manifest, so a replay is recognised
    manifest_sha256 VARCHAR(64)  NOT NULL,
    -- the bundle without its content (ids, region, classification, file names, sizes and hashes)
    description     TEXT,
    instance        VARCHAR(63),
    receipt_id      VARCHAR(36),
    -- the answer given when the bundle was stored, given again to an identical replay
    reply           TEXT,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tenant_id, environment, bundle_id)
);

INSERT INTO evidence_bundle (tenant_id, environment, bundle_id, status, manifest_sha256, instance, receipt_id,
                             started_at, stored_at)
SELECT tenant_id, environment, bundle_id, 'STORED', manifest_sha256, instance, receipt_id, stored_at, stored_at
FROM evidence_upload;

DROP TABLE evidence_upload;

-- A dead letter now keeps the bundle's description in request and its content in the staging folder upload_id;
-- rows from V51 (upload_id null) keep the whole JSON request as before.
ALTER TABLE evidence_dead_letter ADD COLUMN upload_id VARCHAR(36);
