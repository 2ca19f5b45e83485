package io.maestro.conductor.hub.governance;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifecycle governance settings ({@code conductor.governance.*}).
 *
 * @param changeRequestTtl how long a change request waits for an approver before it expires
 * @param decisionRingSize how many recent lifecycle decisions are kept for replaying a proposed policy bundle
 * @param simulationsDir   the stored simulation suites a proposed bundle is checked against; by default
 *                         {@code governance-policies/simulations} beside {@code conductor.tenant-config-dir}
 */
@ConfigurationProperties("conductor.governance")
public record GovernanceProperties(
        @DefaultValue("PT24H") Duration changeRequestTtl,
        @DefaultValue("1000") int decisionRingSize,
        Path simulationsDir) {

    public GovernanceProperties {
        if (changeRequestTtl.isNegative() || changeRequestTtl.isZero()) {
            throw new IllegalArgumentException("conductor.governance.change-request-ttl must be positive");
        }
        if (decisionRingSize < 1) {
            throw new IllegalArgumentException("conductor.governance.decision-ring-size must be at least 1");
        }
    }
}
