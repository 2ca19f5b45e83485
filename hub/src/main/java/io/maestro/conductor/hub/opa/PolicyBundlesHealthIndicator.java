package io.maestro.conductor.hub.opa;

import io.maestro.conductor.policy.pdp.BundleStatus;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code policyBundles}: DOWN while no policy bundle has ever compiled (every
 * decision is then {@code POLICY_UNAVAILABLE}); UP otherwise, with the errors of a rejected newer change in the
 * details, since the previous policy still decides (see runbooks/policy.md, "Bundle rejected").
 */
@Component("policyBundles")
public class PolicyBundlesHealthIndicator extends AbstractHealthIndicator {
    private final EmbeddedDecisionPoint engine;

    public PolicyBundlesHealthIndicator(EmbeddedDecisionPoint engine) {
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        BundleStatus status = engine.bundleStatus().orElse(null);
        if (status == null || status.activeFingerprint().isEmpty()) {
            health.down();
        } else {
            health.up()
                    .withDetail("fingerprint", status.activeFingerprint().get())
                    .withDetail(
                            "activatedAt",
                            status.activatedAt().map(Object::toString).orElse(""));
        }
        if (status != null && !status.rejectedErrors().isEmpty()) {
            health.withDetail(
                            "rejectedAt",
                            status.rejectedAt().map(Object::toString).orElse(""))
                    .withDetail("rejectedErrors", status.rejectedErrors());
        }
    }
}
