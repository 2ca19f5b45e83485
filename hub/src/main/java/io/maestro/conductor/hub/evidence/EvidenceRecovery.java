package io.maestro.conductor.hub.evidence;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * At start, before the hub serves a request, turns the claims of uploads that were running when it stopped (an
 * {@code IN_PROGRESS} bundle whose files are staged on this hub) into dead letters with code
 * {@value EvidenceDeadLetters#INTERRUPTED}: listed under {@code GET .../evidence/failed}, retryable. A claim whose
 * staging folder is not here belongs to another hub of the cluster (or lost its files) and is left alone. Staging
 * folders that neither a claim nor a failed upload needs (a request cut short before its claim) are removed.
 */
public class EvidenceRecovery implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger("conductor.evidence");

    private final EvidenceClaims claims;
    private final EvidenceDeadLetters deadLetters;
    private final EvidenceSpool spool;

    public EvidenceRecovery(EvidenceClaims claims, EvidenceDeadLetters deadLetters, EvidenceSpool spool) {
        this.claims = claims;
        this.deadLetters = deadLetters;
        this.spool = spool;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (EvidenceClaims.Row claim : claims.inProgress()) {
            if (spool.exists(claim.uploadId())) {
                deadLetters.interrupted(claim);
            } else {
                LOG.info(
                        "event=evidence_claim_elsewhere tenant={} environment={} bundle_id={} started_at={}",
                        claim.tenant(),
                        claim.environment(),
                        claim.bundleId(),
                        claim.startedAt());
            }
        }
        Set<String> needed = new HashSet<>(deadLetters.stagedUploads());
        claims.inProgress().forEach(claim -> needed.add(claim.uploadId()));
        for (String uploadId : spool.uploads()) {
            if (!needed.contains(uploadId)) {
                spool.delete(uploadId);
                LOG.info("event=evidence_staging_removed upload_id={}", uploadId);
            }
        }
    }
}
