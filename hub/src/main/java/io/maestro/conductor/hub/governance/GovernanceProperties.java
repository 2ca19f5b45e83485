package io.maestro.conductor.hub.governance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Governance settings ({@code conductor.governance.*}): the policy of each adapter category, and lifecycle governance.
 *
 * @param policies         policy path (as in OPA's Data API, e.g. {@code residency/decision}) by adapter category
 *                         id: {@code conductor.governance.policies.<category>}. A category left out is refused with
 *                         {@code POLICY_UNAVAILABLE} on every call, so a new category is governed by adding one line
 *                         (application.yaml ships {@code storage: residency/decision})
 * @param changeRequestTtl how long a change request waits for an approver before it expires
 * @param decisionRingSize how many recent lifecycle decisions are kept for replaying a proposed policy bundle
 * @param simulationsDir   the stored simulation suites a proposed bundle is checked against; by default
 *                         {@code governance-policies/simulations} beside {@code conductor.tenant-config-dir}
 */
@ConfigurationProperties(prefix = "conductor.governance", ignoreUnknownFields = false)
public record GovernanceProperties(
        Map<String, String> policies,
        @DefaultValue("PT24H") Duration changeRequestTtl,
        @DefaultValue("1000") int decisionRingSize,
        Path simulationsDir) {

    public GovernanceProperties {
        policies = policies == null ? Map.of() : Map.copyOf(policies);
        if (changeRequestTtl.isNegative() || changeRequestTtl.isZero()) {
            throw new IllegalArgumentException("conductor.governance.change-request-ttl must be positive");
        }
        if (decisionRingSize < 1) {
            throw new IllegalArgumentException("conductor.governance.decision-ring-size must be at least 1");
        }
    }
}
