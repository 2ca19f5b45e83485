package io.maestro.conductor.hub.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner adapter bundles in the running hub: installing one runs its code in the hub, so only an operator who sees
 * every tenant (or an admin) may, and only a bundle signed by a trusted key is ever loaded (SecurityConfiguration
 * guards the paths; {@link AdapterBundles} verifies).
 */
@RestController
public class AdapterBundleController {

    private final AdapterBundles bundles;

    public AdapterBundleController(AdapterBundles bundles) {
        this.bundles = bundles;
    }

    @GetMapping("/api/adapter-bundles")
    public List<InstalledAdapter> list() {
        return bundles.list();
    }

    @PostMapping(
            path = "/api/adapter-bundles",
            consumes = {"application/zip", "application/octet-stream"})
    @ResponseStatus(HttpStatus.CREATED)
    public InstalledAdapter install(InputStream body, Principal caller) throws IOException {
        return bundles.install(body, caller.getName());
    }

    @DeleteMapping("/api/adapter-bundles/{name}/{version}")
    public InstalledAdapter uninstall(@PathVariable String name, @PathVariable String version, Principal caller) {
        return bundles.uninstall(name, version, caller.getName());
    }
}
