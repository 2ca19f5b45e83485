package io.maestro.conductor.hub.residency;

import io.maestro.conductor.hub.api.PageLimit;
import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Residency as operators see it: the writes residency refused, and where each storage instance keeps data. */
@RestController
@RequestMapping("/api/tenants/{tenant}")
public class ResidencyController {

    private final Registry registry;
    private final ResidencyDenialStore denials;
    private final TenantAccess access;

    public ResidencyController(Registry registry, ResidencyDenialStore denials, TenantAccess access) {
        this.registry = registry;
        this.denials = denials;
        this.access = access;
    }

    /** Newest first. */
    @GetMapping("/residency/denials")
    public List<ResidencyDenial> denials(
            Authentication caller, @PathVariable String tenant, @RequestParam(defaultValue = "100") int limit) {
        access.requireKnown(caller, tenant);
        PageLimit.checked(limit);
        return denials.list(tenant, limit);
    }

    /** Every storage instance of every environment of the tenant. */
    @GetMapping("/storage-locations")
    public List<StorageLocation> storageLocations(Authentication caller, @PathVariable String tenant) {
        Tenant found = access.requireKnown(caller, tenant);
        List<StorageLocation> locations = new ArrayList<>();
        for (String environment : found.environments()) {
            registry.instances(tenant, environment).stream()
                    .filter(instance -> instance.category() == AdapterCategory.STORAGE)
                    .map(StorageLocation::of)
                    .forEach(locations::add);
        }
        return locations;
    }
}
