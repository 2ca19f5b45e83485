package io.maestro.conductor.registry.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A lifecycle action held for a second person's approval.
 *
 * @param actions           the lifecycle actions it takes (e.g. {@code config-change}, {@code endpoint-change})
 * @param change            the action's request as JSON: an install's definition, version, region and config, an
 *                          update's config, region, state and version; configs hold secret references only
 * @param baseConfigVersion the instance's config version it was made against ({@code 0} for an install)
 * @param requestDecisionId the policy decision that held it for approval
 * @param decidedBy         who approved or rejected it, or acted on it once it had expired or gone stale
 * @param decisionId        the policy decision that let it apply, when applied
 */
public record ChangeRequest(
        String id,
        String tenant,
        String environment,
        String instance,
        ChangeOperation operation,
        List<String> actions,
        JsonNode change,
        long baseConfigVersion,
        ChangeRequestStatus status,
        String requestedBy,
        Instant requestedAt,
        Instant expiresAt,
        String requestDecisionId,
        String decidedBy,
        Instant decidedAt,
        String decisionId,
        String reason) {

    public ChangeRequest {
        actions = List.copyOf(actions);
    }

    /** A copy: the request document must not change under its readers. */
    @Override
    public JsonNode change() {
        return change.deepCopy();
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
