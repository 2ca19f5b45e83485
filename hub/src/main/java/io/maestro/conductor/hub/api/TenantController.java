package io.maestro.conductor.hub.api;

import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.registry.Registry;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tenants")
public class TenantController {

    private final Registry registry;
    private final TenantAccess access;

    public TenantController(Registry registry, TenantAccess access) {
        this.registry = registry;
        this.access = access;
    }

    /** The tenants the caller may see: all of them for the operator. */
    @GetMapping
    public List<TenantView> tenants(Authentication caller) {
        return registry.tenants().stream()
                .filter(tenant -> access.permits(caller, tenant.id()))
                .map(TenantView::of)
                .toList();
    }
}
