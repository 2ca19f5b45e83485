package io.maestro.conductor.hub.api.endpoints;

import io.maestro.conductor.hub.security.TenantAccess;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What a tenant user may choose from: the allowed endpoints per definition in one of its environments. */
@RestController
public class EndpointController {

    private final TenantAccess access;
    private final EndpointAllowlist allowlist;

    public EndpointController(TenantAccess access, EndpointAllowlist allowlist) {
        this.access = access;
        this.allowlist = allowlist;
    }

    @GetMapping("/api/tenants/{tenant}/environments/{env}/endpoints")
    public Map<String, Set<String>> allowed(
            Authentication caller, @PathVariable String tenant, @PathVariable String env) {
        access.requireEnvironment(caller, tenant, env);
        return allowlist.allowedIn(env);
    }
}
