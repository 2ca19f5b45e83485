package io.maestro.conductor.hub.residency;

import java.time.Instant;
import java.util.List;

/**
 * One storage call the residency policy refused, as the audit list keeps it: where the data belonged, where the
 * instance keeps data, and which decision said no. Never object content or credentials.
 */
public record ResidencyDenial(
        long id,
        String tenant,
        String environment,
        String instance,
        String action,
        String actor,
        String dataRegion,
        String instanceRegion,
        String classification,
        String policy,
        String decisionId,
        String code,
        List<String> reasons,
        Instant deniedAt) {

    public ResidencyDenial {
        reasons = List.copyOf(reasons);
    }
}
