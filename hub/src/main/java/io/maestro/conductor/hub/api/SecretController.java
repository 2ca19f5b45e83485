package io.maestro.conductor.hub.api;

import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Write-only secrets: a value goes in, nothing ever comes back out through the API. */
@RestController
public class SecretController {

    private final Registry registry;
    private final TenantAccess access;

    public SecretController(Registry registry, TenantAccess access) {
        this.registry = registry;
        this.access = access;
    }

    @PutMapping("/api/tenants/{tenant}/environments/{env}/secrets/{name}")
    public ResponseEntity<Void> write(Authentication caller, @PathVariable String tenant, @PathVariable String env,
            @PathVariable String name, @RequestBody SecretBody body) {
        access.require(caller, tenant);
        if (body.value() == null || body.value().isEmpty()) {
            throw new ApiRequestException(HttpStatus.BAD_REQUEST, "SECRET_VALUE_MISSING",
                    "Send the secret as {\"value\": \"...\"}");
        }
        registry.secrets().put(AdapterInstanceController.actor(caller), tenant, env, name, body.value());
        return ResponseEntity.noContent().build();
    }
}
