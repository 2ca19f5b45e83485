package io.maestro.conductor.hub.api;

import io.maestro.conductor.hub.governance.GovernedLifecycle;
import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.registry.model.Tenant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Write-only secrets: a value goes in, nothing ever comes back out through the API. Writing one is a secret
 * rotation, which the lifecycle policy must allow.
 */
@RestController
public class SecretController {

    private final TenantAccess access;
    private final GovernedLifecycle lifecycle;

    public SecretController(TenantAccess access, GovernedLifecycle lifecycle) {
        this.access = access;
        this.lifecycle = lifecycle;
    }

    @PutMapping("/api/tenants/{tenant}/environments/{env}/secrets/{name}")
    public ResponseEntity<Void> write(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String env,
            @PathVariable String name,
            @RequestBody SecretBody body) {
        Tenant known = access.requireKnown(caller, tenant);
        if (body.value() == null || body.value().isEmpty()) {
            throw new ApiRequestException(
                    HttpStatus.BAD_REQUEST, "SECRET_VALUE_MISSING", "Send the secret as {\"value\": \"...\"}");
        }
        lifecycle.rotateSecret(ConductorUser.of(caller), known, env, name, body.value());
        return ResponseEntity.noContent().build();
    }
}
