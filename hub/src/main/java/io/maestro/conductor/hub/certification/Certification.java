package io.maestro.conductor.hub.certification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One submitted adapter version and its review, as the API answers it. Evidence is named by its checksum and the
 * receipt that recorded it; where it is stored (instance and object keys) stays inside the hub.
 *
 * @param findings  the review scan's findings ({@code check}, {@code severity}, {@code message})
 * @param approvals      who approved its listing through the change request {@code listingRequest} (a high-risk
 *                       adapter only): its requester while it waits, requester and approver once applied
 * @param listingRequest the governance change request that asked to list this high-risk adapter (the newest), or null
 */
public record Certification(
        String id,
        String tenant,
        String environment,
        String name,
        String version,
        String category,
        String owner,
        String state,
        String riskRating,
        boolean dualControl,
        JsonNode findings,
        String keyId,
        String jarSha256,
        String manifestSha256,
        String evidenceSha256,
        String evidenceReceipt,
        String submittedBy,
        Instant submittedAt,
        String reviewedBy,
        String reviewerNotes,
        Instant updatedAt,
        List<String> approvals,
        String listingRequest,
        @JsonIgnore String evidenceInstance,
        @JsonIgnore String evidencePrefix) {

    @JsonIgnore
    public CertificationState stateValue() {
        return CertificationState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
    }
}
