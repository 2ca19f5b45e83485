package io.maestro.conductor.hub.api.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.adapter.config.AdapterDefinitions;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.hub.security.OperatorRole;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.validation.DestinationMarks;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where an adapter instance sends its data (and its credentials) is the operator's choice. Every config key the
 * definition marks as a destination ({@code x-destination} in its published schema, written by the adapter SPI's
 * {@code defineDestination}), and the SPI's {@value #ENDPOINT} key always, is governed without knowing any adapter:
 * a tenant-scoped user may set it only to a destination on the {@link EndpointAllowlist} (or leave it as it is);
 * only a hub operator (a user who sees every tenant, with role operator or admin) may set one off the list, and that
 * is audited. Hosts are compared in their normalised form ({@link Destination}); each element of a
 * {@code host:port} list is checked. {@code GovernedLifecycle} checks it before the policy or the registry is
 * asked, for an install or update and for a change request alike, so a refused one changes and stores nothing.
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

    /** The destination keys of a definition, with their kind: the marked ones, and {@value #ENDPOINT} always. */
    static Map<String, String> destinationKeys(AdapterDefinition definition) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(ENDPOINT, Destination.URL);
        keys.putAll(DestinationMarks.of(definition.configSchema()));
        return keys;
    }

    /**
     * @param definition the definition (version) the config is for
     * @param config     the config asked for
     * @param current    the instance's config today, {@code null} for an install
     */
    public void check(
            ConductorUser caller,
            String tenant,
            String environment,
            AdapterDefinition definition,
            JsonNode config,
            JsonNode current) {
        if (config == null) {
            return;
        }
        List<String> refusals = new ArrayList<>();
        destinationKeys(definition).forEach((key, kind) -> {
            String refusal = checkKey(caller, tenant, environment, definition.name(), key, kind, config, current);
            if (refusal != null) {
                refusals.add(refusal);
            }
        });
        if (!refusals.isEmpty()) {
            meters.counter("conductor.api.endpoint.refused").increment();
            throw new ApiRequestException(HttpStatus.FORBIDDEN, NOT_ALLOWED, String.join(" ", refusals));
        }
    }

    /** @return why a tenant user may not set this key so, or null when it may (or the caller is an operator) */
    private String checkKey(
            ConductorUser caller,
            String tenant,
            String environment,
            String definition,
            String key,
            String kind,
            JsonNode config,
            JsonNode current) {
        JsonNode asked = config.get(key);
        if (asked == null || !asked.isTextual()) {
            return null; // none (the provider's own), or not text, which the definition's schema refuses
        }
        JsonNode was = current == null ? null : current.get(key);
        if (was != null
                && was.isTextual()
                && was.asText().strip().equals(asked.asText().strip())) {
            return null; // unchanged
        }
        List<Destination> before = was != null && was.isTextual()
                ? Destination.parse(kind, was.asText()).orElse(List.of())
                : List.of();
        Set<String> listed = allowlist.allowedFor(definition, key, environment);
        List<Destination> allowed = new ArrayList<>();
        listed.forEach(entry -> Destination.parse(kind, entry).ifPresent(allowed::addAll));

        Optional<List<Destination>> parsed = Destination.parse(kind, asked.asText());
        List<String> refused = new ArrayList<>();
        if (parsed.isEmpty()) {
            refused.add("(not a destination the hub can compare: " + kindText(kind) + ")");
        } else {
            for (Destination destination : parsed.get()) {
                boolean ok = allowed.stream().anyMatch(destination::within)
                        || (!destination.userInfo() && before.stream().anyMatch(destination::sameAs));
                if (!ok) {
                    refused.add(destination.shown());
                }
            }
        }
        if (refused.isEmpty()) {
            return null;
        }
        String shown = String.join(",", refused);
        if (isOperator(caller)) {
            audit.atInfo()
                    .addKeyValue("event", "endpoint_off_allowlist")
                    .addKeyValue("caller", caller.getUsername())
                    .log(
                            "event=endpoint_off_allowlist caller={} tenant={} environment={} definition={} key={}"
                                    + " endpoint={}",
                            caller.getUsername(),
                            tenant,
                            environment,
                            definition,
                            key,
                            shown);
            return null;
        }
        audit.atWarn()
                .addKeyValue("event", "endpoint_refused")
                .addKeyValue("caller", caller.getUsername())
                .log(
                        "event=endpoint_refused caller={} tenant={} environment={} definition={} key={} endpoint={}",
                        caller.getUsername(),
                        tenant,
                        environment,
                        definition,
                        key,
                        shown);
        List<String> allowedShown = listed.stream().map(Masking::maskText).toList();
        String what = ENDPOINT.equals(key)
                ? "endpoint '" + shown + "'"
                : "config key '" + key + "' destination '" + shown + "'";
        return what + " is not on the operator's allowlist for " + definition + " in environment '" + environment
                + "'; allowed: " + allowedShown + " (or leave " + key + " out for the provider's own).";
    }

    private static String kindText(String kind) {
        return Destination.HOST_PORT_LIST.equals(kind)
                ? "host:port[,host:port...] with dotted-decimal IPv4 or a host name"
                : "a URL with a host name or dotted-decimal IPv4 and no user info";
    }

    /** A hub operator: sees every tenant and may take lifecycle actions (role operator or admin). */
    private static boolean isOperator(ConductorUser caller) {
        return caller.scope().allTenants()
                && (caller.roles().contains(OperatorRole.OPERATOR)
                        || caller.roles().contains(OperatorRole.ADMIN));
    }
}
