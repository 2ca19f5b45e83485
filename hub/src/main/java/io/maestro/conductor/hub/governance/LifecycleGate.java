package io.maestro.conductor.hub.governance;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.policy.pdp.Decision;
import io.maestro.conductor.policy.pdp.DecisionRequest;
import io.maestro.conductor.policy.pdp.PolicyDecisionPoint;
import io.maestro.conductor.policy.rego.value.Values;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.store.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks {@value #PATH} about lifecycle actions through the hub's policy decision point, keeps every decision in the
 * {@link LifecycleDecisionLog}, and stops a deny: audited on {@code conductor.audit} ({@code event=lifecycle_denied}),
 * counted in {@value #DENIALS}, and thrown as {@link LifecycleDeniedException}. A decision that only waits for an
 * approver ({@value #APPROVAL_REQUIRED}) is no deny: the caller turns it into a change request.
 */
public class LifecycleGate {

    public static final String PATH = "governance/lifecycle/decision";
    public static final String APPROVAL_REQUIRED = "APPROVAL_REQUIRED";
    public static final String DENIALS = "conductor.lifecycle.denials";

    private static final Logger AUDIT = LoggerFactory.getLogger("conductor.audit");

    /** Who acts, with the roles the policy sees. */
    public record Subject(String actor, List<String> roles) {
        public Subject {
            roles = List.copyOf(roles);
        }
    }

    /**
     * What is acted on. {@code definition} is null for a secret no instance uses: judged as the lowest risk, since
     * nothing can reach it yet.
     */
    public record Target(Tenant tenant, String environment, String instance, AdapterDefinition definition) {}

    /** The second person of dual control. */
    public record Approval(String approvedBy, List<String> roles) {
        public Approval {
            roles = List.copyOf(roles);
        }
    }

    /**
     * The policy allowed every action, or some only wait for an approver.
     *
     * @param decisionId the first decision that asked for approval, else the last decision taken
     */
    public record Verdict(boolean approvalRequired, String decisionId, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    private final PolicyDecisionPoint decisions;
    private final LifecycleDecisionLog log;
    private final MeterRegistry meters;

    public LifecycleGate(PolicyDecisionPoint decisions, LifecycleDecisionLog log, MeterRegistry meters) {
        this.decisions = decisions;
        this.log = log;
        this.meters = meters;
    }

    /**
     * Asks about each action. With an approval, anything short of allow is a deny.
     *
     * @throws LifecycleDeniedException when the policy denies one of them, or no decision could be reached
     */
    public Verdict decide(Subject subject, List<LifecycleAction> actions, Target target, Approval approval) {
        List<String> pendingReasons = new ArrayList<>();
        String pendingDecision = null;
        String last = null;
        for (LifecycleAction action : actions) {
            JsonNode input = input(subject, action, target, approval);
            Decision decision = decisions.decide(DecisionRequest.of(PATH, Values.fromJson(input)));
            log.record(target.tenant().id(), target.environment(), action.id(), subject.actor(), input, decision);
            last = decision.decisionId();
            if (decision.allowed()) {
                continue;
            }
            String code = decision.code().orElseThrow();
            if (APPROVAL_REQUIRED.equals(code) && approval == null) {
                pendingReasons.addAll(decision.reasons());
                pendingDecision = pendingDecision == null ? decision.decisionId() : pendingDecision;
                continue;
            }
            audit(subject, action, target, approval, decision, code);
            throw new LifecycleDeniedException(action.id(), code, decision.reasons(), decision.decisionId());
        }
        return new Verdict(pendingDecision != null, pendingDecision == null ? last : pendingDecision, pendingReasons);
    }

    /** The policy input: the seed's attributes of tenant, adapter, actor and (when given) approval. */
    static JsonNode input(Subject subject, LifecycleAction action, Target target, Approval approval) {
        AdapterDefinition definition = target.definition();
        Map<String, Object> adapter = new LinkedHashMap<>();
        adapter.put("instance", target.instance());
        adapter.put("definition", definition == null ? null : definition.name());
        adapter.put("version", definition == null ? null : definition.version());
        adapter.put(
                "category", definition == null ? null : definition.category().id());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("action", action.id());
        input.put("tenant", target.tenant().id());
        input.put("tenant_kind", target.tenant().kind().id());
        input.put("environment", target.environment());
        input.put("actor", subject.actor());
        input.put("roles", subject.roles());
        input.put("adapter", adapter);
        input.put(
                "adapter_risk_level",
                definition == null ? "low" : definition.risk().riskLevel());
        input.put(
                "data_sensitivity",
                definition == null ? "public" : definition.risk().dataSensitivity());
        input.put("requires_approval", definition != null && definition.risk().requiresApproval());
        if (approval != null) {
            input.put("approval", Map.of("approved_by", approval.approvedBy(), "roles", approval.roles()));
        }
        return Json.MAPPER.valueToTree(input);
    }

    private void audit(
            Subject subject, LifecycleAction action, Target target, Approval approval, Decision decision, String code) {
        String tenant = target.tenant().id();
        AUDIT.atWarn()
                .addKeyValue("event", "lifecycle_denied")
                .addKeyValue("action", action.id())
                .addKeyValue("actor", subject.actor())
                .addKeyValue("approved_by", approval == null ? null : approval.approvedBy())
                .addKeyValue("decision_id", decision.decisionId())
                .addKeyValue("code", code)
                .log(
                        "event=lifecycle_denied tenant={} environment={} instance={} action={} actor={} code={} "
                                + "decision_id={} reasons={}",
                        tenant,
                        target.environment(),
                        target.instance(),
                        action.id(),
                        subject.actor(),
                        code,
                        decision.decisionId(),
                        decision.reasons());
        Counter.builder(DENIALS)
                .description("Lifecycle actions the lifecycle policy denied")
                .tag("tenant", tenant)
                .tag("action", action.id())
                .tag("code", code)
                .register(meters)
                .increment();
    }
}
