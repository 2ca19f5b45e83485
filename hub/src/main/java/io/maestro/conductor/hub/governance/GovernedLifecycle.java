package io.maestro.conductor.hub.governance;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.api.endpoints.EndpointGuard;
import io.maestro.conductor.hub.events.ConductorEvent;
import io.maestro.conductor.hub.governance.LifecycleGate.Approval;
import io.maestro.conductor.hub.governance.LifecycleGate.Subject;
import io.maestro.conductor.hub.governance.LifecycleGate.Target;
import io.maestro.conductor.hub.governance.LifecycleGate.Verdict;
import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.hub.security.ConductorUserDirectory;
import io.maestro.conductor.hub.security.OperatorRole;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.ChangeRequests;
import io.maestro.conductor.registry.ChangeRequests.Draft;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.change.ChangeOperation;
import io.maestro.conductor.registry.change.ChangeRequest;
import io.maestro.conductor.registry.change.ChangeRequestStatus;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.secret.SecretVault;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every lifecycle action of the admin API, governed: an endpoint or other destination off the operator's allowlist
 * is refused first
 * ({@link EndpointGuard}, also for a change request, which would otherwise apply it on approval); then the lifecycle
 * policy is asked; a deny changes nothing;
 * an action that needs approval becomes a pending change request; an allowed one is applied at once. Approving a
 * request asks the policy again with the approver named, then applies it (see {@code ChangeRequests}).
 */
@Component
public class GovernedLifecycle {

    /** What happened to an action: applied now ({@code instance}, null after an uninstall) or waiting. */
    public record Outcome(AdapterInstance instance, ChangeRequest pending, Verdict verdict) {
        public boolean waiting() {
            return pending != null;
        }
    }

    private final Registry registry;
    private final LifecycleGate gate;
    private final ConductorUserDirectory users;
    private final GovernanceProperties settings;
    private final EndpointGuard endpoints;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ExternalChangeApproval> externals;

    public GovernedLifecycle(
            Registry registry,
            LifecycleGate gate,
            ConductorUserDirectory users,
            GovernanceProperties settings,
            EndpointGuard endpoints,
            ApplicationEventPublisher events,
            ObjectProvider<ExternalChangeApproval> externals) {
        this.externals = externals;
        this.registry = registry;
        this.gate = gate;
        this.users = users;
        this.settings = settings;
        this.endpoints = endpoints;
        this.events = events;
    }

    public Outcome install(ConductorUser caller, Tenant tenant, String env, String instance, InstallRequest request) {
        registry.requireEnvironment(tenant.id(), env);
        AdapterDefinition definition = registry.definition(request.definition(), request.definitionVersion());
        endpoints.check(caller, tenant.id(), env, definition, request.config(), null);
        // the version is fixed now, so a newer one published while the request waits is not what gets approved
        InstallRequest pinned =
                new InstallRequest(definition.name(), definition.version(), request.config(), request.region());
        List<LifecycleAction> actions = List.of(LifecycleAction.INSTALL);
        Verdict verdict = gate.decide(subject(caller), actions, new Target(tenant, env, instance, definition), null);
        if (verdict.approvalRequired()) {
            return waiting(caller, Draft.install(tenant.id(), env, instance, ids(actions), pinned), verdict);
        }
        AdapterInstance installed = registry.install(actor(caller), tenant.id(), env, instance, pinned);
        announce(caller, installed, ConductorEvent.ADAPTER_INSTALLED);
        return new Outcome(installed, null, verdict);
    }

    public Outcome update(ConductorUser caller, Tenant tenant, String env, String instance, UpdateRequest request) {
        AdapterInstance current = installed(tenant.id(), env, instance);
        AdapterDefinition definition = registry.definition(
                current.definitionName(),
                request.definitionVersion() == null ? current.definitionVersion() : request.definitionVersion());
        endpoints.check(caller, tenant.id(), env, definition, request.config(), current.config());
        List<LifecycleAction> actions = LifecycleAction.ofUpdate(current, request);
        Verdict verdict = gate.decide(subject(caller), actions, new Target(tenant, env, instance, definition), null);
        if (verdict.approvalRequired()) {
            return waiting(caller, Draft.update(tenant.id(), env, instance, ids(actions), request), verdict);
        }
        AdapterInstance updated = registry.update(actor(caller), tenant.id(), env, instance, request);
        announce(caller, updated, ConductorEvent.ADAPTER_UPDATED);
        return new Outcome(updated, null, verdict);
    }

    public Outcome uninstall(ConductorUser caller, Tenant tenant, String env, String instance) {
        AdapterInstance current = installed(tenant.id(), env, instance);
        List<LifecycleAction> actions = List.of(LifecycleAction.UNINSTALL);
        Verdict verdict = gate.decide(
                subject(caller),
                actions,
                new Target(
                        tenant,
                        env,
                        instance,
                        registry.definition(current.definitionName(), current.definitionVersion())),
                null);
        if (verdict.approvalRequired()) {
            return waiting(caller, Draft.uninstall(tenant.id(), env, instance, ids(actions)), verdict);
        }
        registry.uninstall(actor(caller), tenant.id(), env, instance);
        announce(caller, current, ConductorEvent.ADAPTER_UNINSTALLED);
        return new Outcome(null, null, verdict);
    }

    /**
     * Writes a secret once the policy allowed its rotation for every instance of the namespace that refers to it
     * (or, when none does, for the secret alone). Rotation never waits for approval (the policy says so), so it is
     * applied or denied.
     */
    public void rotateSecret(ConductorUser caller, Tenant tenant, String env, String name, String value) {
        // A write the vault would refuse must not take (and record, evicting a real one) a lifecycle decision.
        registry.secrets().requireWritable(tenant.id(), env, name, value);
        String reference = SecretVault.REFERENCE_PREFIX + name;
        List<Target> targets = registry.instances(tenant.id(), env).stream()
                .filter(i -> refersTo(i.config(), reference))
                .map(i -> new Target(tenant, env, i.name(), definitionOf(i)))
                .toList();
        for (Target target : targets.isEmpty() ? List.of(new Target(tenant, env, null, null)) : targets) {
            Verdict verdict = gate.decide(subject(caller), List.of(LifecycleAction.SECRET_ROTATION), target, null);
            if (verdict.approvalRequired()) {
                throw new LifecycleDeniedException(
                        LifecycleAction.SECRET_ROTATION.id(),
                        LifecycleGate.APPROVAL_REQUIRED,
                        verdict.reasons(),
                        verdict.decisionId());
            }
        }
        registry.secrets().put(actor(caller), tenant.id(), env, name, value);
    }

    /** Asks for a change explicitly: a pending request even where the policy would allow it at once. */
    public Outcome request(ConductorUser caller, Tenant tenant, Draft draft) {
        List<LifecycleAction> actions;
        AdapterDefinition definition;
        Draft pinned = draft;
        if (draft.operation() == ChangeOperation.INSTALL) {
            registry.requireEnvironment(tenant.id(), draft.environment());
            definition = registry.definition(
                    draft.install().definition(), draft.install().definitionVersion());
            endpoints.check(
                    caller,
                    tenant.id(),
                    draft.environment(),
                    definition,
                    draft.install().config(),
                    null);
            actions = List.of(LifecycleAction.INSTALL);
            pinned = Draft.install(
                    tenant.id(),
                    draft.environment(),
                    draft.instance(),
                    ids(actions),
                    new InstallRequest(
                            definition.name(),
                            definition.version(),
                            draft.install().config(),
                            draft.install().region()));
        } else {
            AdapterInstance current = installed(tenant.id(), draft.environment(), draft.instance());
            String version = draft.update() == null || draft.update().definitionVersion() == null
                    ? current.definitionVersion()
                    : draft.update().definitionVersion();
            definition = registry.definition(current.definitionName(), version);
            if (draft.update() != null) {
                endpoints.check(
                        caller,
                        tenant.id(),
                        draft.environment(),
                        definition,
                        draft.update().config(),
                        current.config());
            }
            actions = draft.operation() == ChangeOperation.UPDATE
                    ? LifecycleAction.ofUpdate(current, draft.update())
                    : List.of(LifecycleAction.UNINSTALL);
            pinned = new Draft(
                    tenant.id(),
                    draft.environment(),
                    draft.instance(),
                    draft.operation(),
                    ids(actions),
                    null,
                    draft.update(),
                    null);
        }
        Verdict verdict = gate.decide(
                subject(caller), actions, new Target(tenant, draft.environment(), draft.instance(), definition), null);
        return waiting(caller, pinned, verdict);
    }

    /**
     * Approves a pending request: refused to its requester; the policy is asked again with the requester's current
     * roles and this approver; then it is applied exactly once.
     */
    public ChangeRequest approve(ConductorUser approver, Tenant tenant, String id) {
        ChangeRequest request = registry.changeRequests().require(tenant.id(), id);
        if (request.operation().external()) {
            return externals
                    .orderedStream()
                    .filter(external -> external.operation() == request.operation())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("nothing applies " + request.operation()))
                    .approve(approver, tenant, request);
        }
        ChangeRequests.requireSecondPerson(request, actor(approver));
        Optional<AdapterDefinition> definition = definitionOf(request);
        String decisionId = null;
        if (definition.isPresent()) {
            Subject requester = new Subject(
                    request.requestedBy(),
                    users.rolesOf(request.requestedBy())
                            .map(GovernedLifecycle::roleIds)
                            .orElse(List.of()));
            List<LifecycleAction> actions = request.actions().stream()
                    .map(a -> LifecycleAction.fromId(a).orElseThrow())
                    .toList();
            decisionId = gate.decide(
                            requester,
                            actions,
                            new Target(tenant, request.environment(), request.instance(), definition.get()),
                            new Approval(approver.getUsername(), approver.roleIds()))
                    .decisionId();
        }
        // An uninstall's event names what was installed: read it before the change removes it.
        Optional<AdapterInstance> before = request.operation() == ChangeOperation.UNINSTALL
                ? registry.instance(tenant.id(), request.environment(), request.instance())
                : Optional.empty();
        // no definition: the instance is gone, so the request is stale and approving only closes it
        ChangeRequest closed = registry.changeRequests().approve(actor(approver), tenant.id(), id, decisionId);
        if (closed.status() == ChangeRequestStatus.APPLIED) {
            announceApplied(approver, closed, before);
        }
        return closed;
    }

    /**
     * The event a change applied on approval publishes: the same as the direct API call's (the approver applied it),
     * so a tenant's workers see every change, however it was governed.
     */
    private void announceApplied(ConductorUser approver, ChangeRequest applied, Optional<AdapterInstance> before) {
        switch (applied.operation()) {
            case INSTALL ->
                registry.instance(applied.tenant(), applied.environment(), applied.instance())
                        .ifPresent(instance -> announce(approver, instance, ConductorEvent.ADAPTER_INSTALLED));
            case UPDATE ->
                registry.instance(applied.tenant(), applied.environment(), applied.instance())
                        .ifPresent(instance -> announce(approver, instance, ConductorEvent.ADAPTER_UPDATED));
            case UNINSTALL ->
                before.ifPresent(instance -> announce(approver, instance, ConductorEvent.ADAPTER_UNINSTALLED));
        }
    }

    public ChangeRequest reject(ConductorUser rejecter, Tenant tenant, String id, String reason) {
        return registry.changeRequests().reject(actor(rejecter), tenant.id(), id, reason);
    }

    /** Tells the tenant's event bus (if it has one) what was applied: {@code adapter.installed}, ... */
    private void announce(ConductorUser caller, AdapterInstance instance, String type) {
        events.publishEvent(new ConductorEvent(
                instance.tenant(),
                instance.environment(),
                type,
                caller.getUsername(),
                Map.of(
                        "instance", instance.name(),
                        "definition", instance.definitionName(),
                        "version", instance.definitionVersion(),
                        "category", instance.category().id())));
    }

    private Outcome waiting(ConductorUser caller, Draft draft, Verdict verdict) {
        ChangeRequest pending = registry.changeRequests()
                .submit(actor(caller), draft, verdict.decisionId(), settings.changeRequestTtl());
        return new Outcome(null, pending, verdict);
    }

    /** The definition version the request would run: named by an install or upgrade, else the instance's own. */
    private Optional<AdapterDefinition> definitionOf(ChangeRequest request) {
        JsonNode change = request.change();
        String version = change.hasNonNull("version") ? change.get("version").asText() : null;
        if (request.operation() == ChangeOperation.INSTALL) {
            return Optional.of(registry.definition(change.get("definition").asText(), version));
        }
        return registry.instance(request.tenant(), request.environment(), request.instance())
                .map(current -> registry.definition(
                        current.definitionName(), version == null ? current.definitionVersion() : version));
    }

    private AdapterInstance installed(String tenant, String env, String instance) {
        return registry.requireInstance(tenant, env, instance);
    }

    private AdapterDefinition definitionOf(AdapterInstance instance) {
        return registry.definition(instance.definitionName(), instance.definitionVersion());
    }

    private static boolean refersTo(JsonNode node, String reference) {
        if (node.isTextual()) {
            return node.asText().equals(reference);
        }
        for (JsonNode child : node) {
            if (refersTo(child, reference)) {
                return true;
            }
        }
        return false;
    }

    private static Subject subject(ConductorUser caller) {
        return new Subject(caller.getUsername(), caller.roleIds());
    }

    private static List<String> roleIds(Set<OperatorRole> roles) {
        return roles.stream().sorted().map(OperatorRole::id).toList();
    }

    private static List<String> ids(List<LifecycleAction> actions) {
        return actions.stream().map(LifecycleAction::id).toList();
    }

    private static Actor actor(ConductorUser caller) {
        return new Actor(caller.getUsername());
    }
}
