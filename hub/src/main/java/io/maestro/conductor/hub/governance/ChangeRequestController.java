package io.maestro.conductor.hub.governance;

import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.api.PageLimit;
import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.change.ChangeRequest;
import io.maestro.conductor.registry.change.ChangeRequestStatus;
import io.maestro.conductor.registry.model.Tenant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dual control over HTTP. Operators ask ({@code POST}); anyone who may see the tenant lists and reads; approvers other
 * than the requester approve (which applies the change) or reject. Another tenant's requests are not found.
 */
@RestController
@RequestMapping("/api/tenants/{tenant}/change-requests")
public class ChangeRequestController {

    private static final int MAX_REASON_CHARS = 500;

    private final Registry registry;
    private final TenantAccess access;
    private final GovernedLifecycle lifecycle;

    public ChangeRequestController(Registry registry, TenantAccess access, GovernedLifecycle lifecycle) {
        this.registry = registry;
        this.access = access;
        this.lifecycle = lifecycle;
    }

    @PostMapping
    public ResponseEntity<PendingChangeView> request(
            Authentication caller, @PathVariable String tenant, @RequestBody ChangeRequestBody body) {
        Tenant known = access.requireKnown(caller, tenant);
        return PendingChangeView.accepted(lifecycle.request(ConductorUser.of(caller), known, body.draft(tenant)));
    }

    /** Newest first; {@code status} filters (pending, applied, rejected, expired, stale). */
    @GetMapping
    public List<ChangeRequest> list(
            Authentication caller,
            @PathVariable String tenant,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        access.requireKnown(caller, tenant);
        PageLimit.checked(limit);
        return registry.changeRequests().list(tenant, status(status), limit);
    }

    @GetMapping("/{id}")
    public ChangeRequest get(Authentication caller, @PathVariable String tenant, @PathVariable String id) {
        access.requireKnown(caller, tenant);
        return registry.changeRequests().require(tenant, id);
    }

    @PostMapping("/{id}/approve")
    public ChangeRequest approve(Authentication caller, @PathVariable String tenant, @PathVariable String id) {
        Tenant known = access.requireKnown(caller, tenant);
        return lifecycle.approve(ConductorUser.of(caller), known, id);
    }

    @PostMapping("/{id}/reject")
    public ChangeRequest reject(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String id,
            @RequestBody(required = false) DecisionBody body) {
        Tenant known = access.requireKnown(caller, tenant);
        String reason = body == null ? null : body.reason();
        if (reason != null && reason.length() > MAX_REASON_CHARS) {
            throw new ApiRequestException(
                    HttpStatus.BAD_REQUEST,
                    "REASON_TOO_LONG",
                    "A reason has at most " + MAX_REASON_CHARS + " characters");
        }
        return lifecycle.reject(ConductorUser.of(caller), known, id, reason);
    }

    private static ChangeRequestStatus status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(ChangeRequestStatus.values())
                .filter(s -> s.name().equals(status.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new ApiRequestException(
                        HttpStatus.BAD_REQUEST,
                        "STATUS_INVALID",
                        "status must be one of " + Arrays.toString(ChangeRequestStatus.values())));
    }
}
