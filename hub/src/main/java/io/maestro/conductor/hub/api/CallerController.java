package io.maestro.conductor.hub.api;

import io.maestro.conductor.hub.security.ConductorUser;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is, so a console can show only what the caller may do (e.g. the Switchboard hides "acknowledge"
 * from a viewer); the hub enforces the same rules on every request regardless.
 */
@RestController
public class CallerController {

    /** @param tenants the tenants the caller sees; empty when {@code allTenants} */
    public record Caller(String name, List<String> roles, boolean allTenants, Set<String> tenants) {}

    @GetMapping("/api/me")
    public Caller me(Authentication caller) {
        ConductorUser user = ConductorUser.of(caller);
        return new Caller(
                user.getUsername(),
                user.roleIds(),
                user.scope().allTenants(),
                user.scope().allTenants()
                        ? Set.of()
                        : new TreeSet<>(user.scope().tenants()));
    }
}
