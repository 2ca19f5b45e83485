package io.maestro.conductor.hub.api;

import io.maestro.conductor.hub.governance.GovernedLifecycle;
import io.maestro.conductor.hub.governance.GovernedLifecycle.Outcome;
import io.maestro.conductor.hub.governance.PendingChangeView;
import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.Tenant;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Install, list, update and uninstall a tenant's adapter instances. Every response carries the
 * instance's config version as its {@code ETag}; an update must name the version it was based on.
 * Every change goes through {@link GovernedLifecycle} (endpoint allowlist, then the lifecycle policy).
 */
@RestController
@RequestMapping("/api/tenants/{tenant}/environments/{env}/adapters")
public class AdapterInstanceController {

    private final Registry registry;
    private final TenantAccess access;
    private final GovernedLifecycle lifecycle;

    public AdapterInstanceController(Registry registry, TenantAccess access, GovernedLifecycle lifecycle) {
        this.registry = registry;
        this.access = access;
        this.lifecycle = lifecycle;
    }

    @GetMapping
    public List<InstanceView> list(Authentication caller, @PathVariable String tenant, @PathVariable String env) {
        access.require(caller, tenant);
        return registry.instances(tenant, env).stream().map(InstanceView::of).toList();
    }

    @GetMapping("/{instance}")
    public ResponseEntity<InstanceView> get(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String env,
            @PathVariable String instance) {
        access.require(caller, tenant);
        AdapterInstance found = registry.requireInstance(tenant, env, instance);
        return withVersion(ResponseEntity.ok(), found);
    }

    /** 201 with the instance, or 202 with the change request when the lifecycle policy wants an approver. */
    @PostMapping("/{instance}")
    public ResponseEntity<?> install(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String env,
            @PathVariable String instance,
            @RequestBody InstallBody body) {
        Tenant known = access.requireKnown(caller, tenant);
        Outcome outcome = lifecycle.install(ConductorUser.of(caller), known, env, instance, body.request());
        if (outcome.waiting()) {
            return PendingChangeView.accepted(outcome);
        }
        return withVersion(
                ResponseEntity.created(
                        URI.create("/api/tenants/" + tenant + "/environments/" + env + "/adapters/" + instance)),
                outcome.instance());
    }

    /** 200 with the instance, or 202 with the change request when the lifecycle policy wants an approver. */
    @PutMapping("/{instance}")
    public ResponseEntity<?> update(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String env,
            @PathVariable String instance,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody UpdateBody body) {
        Tenant known = access.requireKnown(caller, tenant);
        long expected = expectedVersion(ifMatch, body.configVersion());
        Outcome outcome = lifecycle.update(ConductorUser.of(caller), known, env, instance, body.request(expected));
        if (outcome.waiting()) {
            return PendingChangeView.accepted(outcome);
        }
        return withVersion(ResponseEntity.ok(), outcome.instance());
    }

    /** 204, or 202 with the change request when the lifecycle policy wants an approver. */
    @DeleteMapping("/{instance}")
    public ResponseEntity<?> uninstall(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String env,
            @PathVariable String instance) {
        Tenant known = access.requireKnown(caller, tenant);
        Outcome outcome = lifecycle.uninstall(ConductorUser.of(caller), known, env, instance);
        if (outcome.waiting()) {
            return PendingChangeView.accepted(outcome);
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<InstanceView> withVersion(
            ResponseEntity.BodyBuilder response, AdapterInstance instance) {
        return response.eTag(Long.toString(instance.configVersion())).body(InstanceView.of(instance));
    }

    /** {@code If-Match} wins over the body field; one of them is required so no update is blind. */
    private static long expectedVersion(String ifMatch, Long fromBody) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String unquoted = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Long.parseLong(unquoted);
            } catch (NumberFormatException e) {
                throw new ApiRequestException(
                        HttpStatus.BAD_REQUEST,
                        "CONFIG_VERSION_INVALID",
                        "If-Match must be the instance's config version (its ETag), e.g. \"3\"");
            }
        }
        if (fromBody == null) {
            throw new ApiRequestException(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "CONFIG_VERSION_REQUIRED",
                    "Send the config version you read, as If-Match or as configVersion in the body");
        }
        return fromBody;
    }
}
