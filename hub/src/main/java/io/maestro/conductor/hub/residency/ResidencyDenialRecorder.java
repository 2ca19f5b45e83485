package io.maestro.conductor.hub.residency;

import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.governance.GovernanceDenialListener;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every residency deny visible three ways: one structured WARN line ({@code event=residency_denied}), the
 * counter {@value #DENIALS} (tags tenant, environment, instance) and a row in the audit list. Denies of other
 * policies are not residency's to record.
 */
public class ResidencyDenialRecorder implements GovernanceDenialListener {

    public static final String DENIALS = "conductor.residency.denials";
    /** The residency policy's path; denies of other policies are not recorded here. */
    public static final String RESIDENCY_POLICY = "residency/decision";

    private static final Logger LOG = LoggerFactory.getLogger("conductor.residency");

    private final ResidencyDenialStore store;
    private final MeterRegistry meters;
    private final Clock clock;

    public ResidencyDenialRecorder(ResidencyDenialStore store, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void denied(GovernanceRequest request, GovernanceDecision decision) {
        String policy = decision.context().get("policy");
        if (!RESIDENCY_POLICY.equals(policy)) {
            return;
        }
        String instance = request.adapter().instance();
        // tenant, environment and instance are left to the message and the MDC (the adapter puts them there):
        // a key twice in one structured line makes the JSON encoder drop the line.
        LOG.atWarn()
                .addKeyValue("event", "residency_denied")
                .addKeyValue("action", request.action())
                .addKeyValue("data_region", request.data().region())
                .addKeyValue("instance_region", request.adapter().region())
                .addKeyValue("policy", policy)
                .addKeyValue("decision_id", decision.decisionId())
                .addKeyValue("code", decision.code().name())
                .log(
                        "event=residency_denied tenant={} environment={} instance={} action={} data_region={} "
                                + "instance_region={} policy={} decision_id={} code={} reasons={}",
                        request.tenant(),
                        request.environment(),
                        instance,
                        request.action(),
                        request.data().region(),
                        request.adapter().region(),
                        policy,
                        decision.decisionId(),
                        decision.code(),
                        decision.reasons());
        Counter.builder(DENIALS)
                .description("Storage calls the residency policy denied")
                .tag("tenant", request.tenant())
                .tag("environment", request.environment())
                .tag("instance", instance)
                .register(meters)
                .increment();
        store.add(new ResidencyDenial(
                0,
                request.tenant(),
                request.environment(),
                instance,
                request.action(),
                request.actor(),
                request.data().region(),
                request.adapter().region(),
                request.data().classification(),
                policy,
                decision.decisionId(),
                decision.code().name(),
                decision.reasons(),
                clock.instant()));
    }
}
