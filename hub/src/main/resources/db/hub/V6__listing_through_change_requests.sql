-- A high-risk adapter's listing is approved through a governance change request (registry table change_request,
-- operation MARKETPLACE_LISTING) instead of the review's own approvals table. listing_request names the newest one.
ALTER TABLE adapter_certification ADD COLUMN listing_request VARCHAR(36);

-- The approvals recorded before become change requests, so none is lost. The code that wrote them allowed at most
-- two per certification (the second moved it to marketplace_ready, after which no approval was taken): the first
-- approver is the request's requester, the second its approver. One request per certification, with the
-- certification's id (so the row is found again) and the approval receipts as its decision ids:
--   two approvals and marketplace_ready: APPLIED;
--   one approval and still certified: PENDING, for a day from now (the default change request TTL);
--   one approval and rejected since: STALE.
-- Adapter names and versions pass the manifest schema (lower-case names, semantic versions): no quote to escape.
INSERT INTO change_request (id, tenant_id, environment, instance, operation, actions, change, base_config_version,
                            status, requested_by, requested_at, expires_at, request_decision_id, decided_by,
                            decided_at, decision_id, reason)
SELECT c.id, c.tenant_id, c.environment, c.adapter_name, 'MARKETPLACE_LISTING', 'marketplace-listing',
       '{"certification":"' || c.id || '","adapter":"' || c.adapter_name || '","version":"' || c.adapter_version
           || '","migrated":true}',
       0,
       CASE WHEN a2.approver IS NOT NULL THEN 'APPLIED' WHEN c.state = 'certified' THEN 'PENDING' ELSE 'STALE' END,
       a1.approver,
       a1.approved_at,
       CASE WHEN a2.approver IS NULL AND c.state = 'certified' THEN CURRENT_TIMESTAMP + INTERVAL '1' DAY
            ELSE a1.approved_at END,
       a1.receipt_id,
       CASE WHEN a2.approver IS NOT NULL THEN a2.approver WHEN c.state = 'certified' THEN NULL ELSE c.reviewed_by END,
       CASE WHEN a2.approver IS NOT NULL THEN a2.approved_at WHEN c.state = 'certified' THEN NULL ELSE c.updated_at END,
       a2.receipt_id,
       CASE WHEN a2.approver IS NULL AND c.state <> 'certified'
            THEN 'the certification became ' || c.state || ' before a second approval' END
FROM adapter_certification c
JOIN (SELECT certification_id, approver, approved_at, receipt_id,
             ROW_NUMBER() OVER (PARTITION BY certification_id ORDER BY approved_at, approver) AS n
      FROM adapter_certification_approval) a1 ON a1.certification_id = c.id AND a1.n = 1
LEFT JOIN (SELECT certification_id, approver, approved_at, receipt_id,
                  ROW_NUMBER() OVER (PARTITION BY certification_id ORDER BY approved_at, approver) AS n
           FROM adapter_certification_approval) a2 ON a2.certification_id = c.id AND a2.n = 2;

UPDATE adapter_certification SET listing_request = id
WHERE id IN (SELECT certification_id FROM adapter_certification_approval);

DROP TABLE adapter_certification_approval;
