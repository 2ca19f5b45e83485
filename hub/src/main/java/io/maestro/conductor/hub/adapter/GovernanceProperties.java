package io.maestro.conductor.hub.adapter;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which policy governs each adapter category: {@code conductor.governance.policies.<category>=<policy path>}. A
 * category left out is refused with {@code POLICY_UNAVAILABLE} on every call, so a new adapter category is
 * governed by adding one line here (application.yaml ships {@code storage: residency/decision}).
 *
 * @param policies policy path (as in OPA's Data API, e.g. {@code residency/decision}) by category id
 */
@ConfigurationProperties("conductor.governance")
public record GovernanceProperties(Map<String, String> policies) {

    public GovernanceProperties {
        policies = policies == null ? Map.of() : Map.copyOf(policies);
    }
}
