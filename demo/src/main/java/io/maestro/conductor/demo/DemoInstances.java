package io.maestro.conductor.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a demo tenant an instance on an in-process peer whose port moves between starts: installed on the first
 * start (a receipt), re-pointed when the peer's endpoint moved (an update with a receipt), left alone otherwise. A
 * secret the instance needs and no peer hands out (a signing key) is generated once into the tenant's vault.
 */
public final class DemoInstances {

    private static final Logger LOG = LoggerFactory.getLogger(DemoInstances.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoInstances() {}

    /** The instance a demo wants: where, which definition and region, its config (the peer's endpoint included). */
    public record Wanted(
            String tenant, String environment, String name, String definition, String region, ObjectNode config) {

        String id() {
            return tenant + "/" + environment + "/" + name;
        }
    }

    /**
     * Installs or re-points {@code wanted}; {@code generatedSecret} (or null) is created with a random value when the
     * tenant's environment has no secret of that name. Returns the instance, or empty when the tenant or environment
     * does not exist (a hub without the demo tenants).
     */
    public static Optional<AdapterInstance> ensure(
            Registry registry, Actor actor, Wanted wanted, String generatedSecret, String endpointKey) {
        boolean hasEnvironment = registry.tenant(wanted.tenant())
                .map(tenant -> tenant.environments().contains(wanted.environment()))
                .orElse(false);
        if (!hasEnvironment) {
            LOG.info("event=demo_instance_skipped instance={} reason=\"no such tenant or environment\"", wanted.id());
            return Optional.empty();
        }
        if (generatedSecret != null
                && !registry.secrets().exists(wanted.tenant(), wanted.environment(), generatedSecret)) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            registry.secrets()
                    .put(
                            actor,
                            wanted.tenant(),
                            wanted.environment(),
                            generatedSecret,
                            Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        Optional<AdapterInstance> current = registry.instance(wanted.tenant(), wanted.environment(), wanted.name());
        String endpoint = wanted.config().path(endpointKey).asText();
        AdapterInstance applied;
        if (current.isEmpty()) {
            applied = registry.install(
                    actor,
                    wanted.tenant(),
                    wanted.environment(),
                    wanted.name(),
                    new InstallRequest(wanted.definition(), null, wanted.config(), wanted.region()));
        } else if (!endpoint.equals(current.get().config().path(endpointKey).asText())) {
            ObjectNode pointed = current.get().config().deepCopy();
            pointed.put(endpointKey, endpoint);
            applied = registry.update(
                    actor,
                    wanted.tenant(),
                    wanted.environment(),
                    wanted.name(),
                    new UpdateRequest(current.get().configVersion(), pointed, null, null));
        } else {
            applied = current.get();
        }
        LOG.info("event=demo_instance_ready instance={} definition={}", wanted.id(), wanted.definition());
        return Optional.of(applied);
    }
}
