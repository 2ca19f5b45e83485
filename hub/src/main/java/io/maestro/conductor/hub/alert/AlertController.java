package io.maestro.conductor.hub.alert;

import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.hub.security.TenantAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adapter alerts, newest first, of the tenants the caller sees ({@code state=firing|resolved|all}, default all;
 * {@code tenant=} narrows, another tenant's is the same 404 as an unknown one). An operator acknowledges a firing
 * alert (a viewer may not: the URL rules give POST to operators); another tenant's alert or an unknown id is 404
 * {@code ALERT_NOT_FOUND}.
 */
@RestController
public class AlertController {

    private static final Pattern ALERT_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private final AlertStore alerts;
    private final TenantAccess access;

    public AlertController(AlertStore alerts, TenantAccess access) {
        this.alerts = alerts;
        this.access = access;
    }

    @GetMapping("/api/alerts")
    public List<AdapterAlert> list(
            Authentication caller,
            @RequestParam(required = false) String tenant,
            @RequestParam(defaultValue = "all") String state) {
        String wanted = state.toLowerCase(Locale.ROOT);
        if (!List.of("all", "firing", "resolved").contains(wanted)) {
            throw new ApiRequestException(
                    HttpStatus.BAD_REQUEST, "ALERT_QUERY_INVALID", "state must be firing, resolved or all");
        }
        if (tenant != null) {
            access.requireKnown(caller, tenant);
        }
        ConductorUser user = ConductorUser.of(caller);
        List<AdapterAlert> found = new ArrayList<>();
        if (!wanted.equals("resolved")) {
            found.addAll(alerts.firing());
        }
        if (!wanted.equals("firing")) {
            found.addAll(alerts.resolved());
        }
        return found.stream()
                .filter(alert -> tenant == null ? user.scope().permits(alert.tenant()) : tenant.equals(alert.tenant()))
                .sorted(Comparator.comparing(AdapterAlert::firedAt).reversed())
                .toList();
    }

    /**
     * JSON only (any JSON body, e.g. {@code {}}): a foreign page can send a form POST with the browser's remembered
     * login and no CORS preflight, so a POST the API would take without a JSON content type is a CSRF hole.
     */
    @PostMapping(path = "/api/alerts/{id}/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    public AdapterAlert acknowledge(Authentication caller, @PathVariable String id) {
        AdapterAlert alert = visible(caller, id);
        if (alert.state() != AdapterAlert.State.FIRING) {
            throw new ApiRequestException(HttpStatus.CONFLICT, "ALERT_RESOLVED", "the alert is already resolved");
        }
        return alerts.acknowledge(id, caller.getName(), Instant.now())
                .orElseThrow(() -> new ApiRequestException(
                        HttpStatus.CONFLICT, "ALERT_CHANGED", "the alert changed meanwhile; read it again"));
    }

    private AdapterAlert visible(Authentication caller, String id) {
        return (ALERT_ID.matcher(id).matches() ? alerts.find(id) : java.util.Optional.<AdapterAlert>empty())
                .filter(alert -> access.permits(caller, alert.tenant()))
                .orElseThrow(() -> new ApiRequestException(HttpStatus.NOT_FOUND, "ALERT_NOT_FOUND", "no such alert"));
    }
}
