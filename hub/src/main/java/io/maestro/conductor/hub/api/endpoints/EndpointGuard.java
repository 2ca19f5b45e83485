package io.maestro.conductor.hub.api.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.adapter.config.AdapterDefinitions;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.hub.security.OperatorRole;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where an adapter instance sends its data (and its credentials) is the operator's choice: a tenant-scoped user may
 * set an instance's {@value #ENDPOINT} only to one on the {@link EndpointAllowlist} (or leave it as it is); only a
 * hub operator (a user who sees every tenant, with role operator or admin) may set one off the list, and that is
 * audited. {@code GovernedLifecycle} checks it before the policy or the registry is asked, for an install or update
 * and for a change request alike, so a refused one changes and stores nothing.
 */
@Component
public class EndpointGuard {

    /** The config key every adapter definition uses for its endpoint override. */
    public static final String ENDPOINT = AdapterDefinitions.ENDPOINT;

    public static final String NOT_ALLOWED = "ENDPOINT_NOT_ALLOWED";

    private static final Logger audit = LoggerFactory.getLogger("conductor.audit");

    private final EndpointAllowlist allowlist;
    private final MeterRegistry meters;

    public EndpointGuard(EndpointAllowlist allowlist, MeterRegistry meters) {
        this.allowlist = allowlist;
        this.meters = meters;
    }

    /**
     * @param config  the config asked for
     * @param current the instance's config today, {@code null} for an install
     */
    public void check(
            ConductorUser caller,
            String tenant,
            String environment,
            String definition,
            JsonNode config,
            JsonNode current) {
        JsonNode asked = config == null ? null : config.get(ENDPOINT);
        if (asked == null || !asked.isTextual()) {
            return; // none (the provider's own), or not text, which the definition's schema refuses
        }
        String endpoint = EndpointAllowlist.comparable(asked.asText());
        if (current != null
                && current.path(ENDPOINT).isTextual()
                && EndpointAllowlist.comparable(current.path(ENDPOINT).asText()).equals(endpoint)) {
            return; // unchanged
        }
        Set<String> allowed = allowlist.allowedFor(definition, environment);
        if (allowed.contains(endpoint)) {
            return;
        }
        // The caller's own text, but credentials in its URL stay out of the audit log and the answer.
        String shown = Masking.maskText(endpoint);
        if (isOperator(caller)) {
            audit.atInfo()
                    .addKeyValue("event", "endpoint_off_allowlist")
                    .addKeyValue("caller", caller.getUsername())
                    .log(
                            "event=endpoint_off_allowlist caller={} tenant={} environment={} definition={} endpoint={}",
                            caller.getUsername(),
                            tenant,
                            environment,
                            definition,
                            shown);
            return;
        }
        meters.counter("conductor.api.endpoint.refused").increment();
        audit.atWarn()
                .addKeyValue("event", "endpoint_refused")
                .addKeyValue("caller", caller.getUsername())
                .log(
                        "event=endpoint_refused caller={} tenant={} environment={} definition={} endpoint={}",
                        caller.getUsername(),
                        tenant,
                        environment,
                        definition,
                        shown);
        throw new ApiRequestException(
                HttpStatus.FORBIDDEN,
                NOT_ALLOWED,
                "endpoint '" + shown
                        + "' is not on the operator's allowlist for " + definition + " in environment '" + environment
                        + "'; allowed: " + allowed + " (or leave endpoint out for the provider's own)");
    }

    /** A hub operator: sees every tenant and may take lifecycle actions (role operator or admin). */
    private static boolean isOperator(ConductorUser caller) {
        return caller.scope().allTenants()
                && (caller.roles().contains(OperatorRole.OPERATOR)
                        || caller.roles().contains(OperatorRole.ADMIN));
    }
}
