package io.maestro.conductor.demo.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.demo.DemoSecrets;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the demo tenants' S3 storage instances of the demo environment at the sandbox: the sandbox's
 * credentials go into the secrets the instances reference unless they hold them already, buckets are created, and an instance whose endpoint is
 * not the sandbox's is updated (an ordinary registry update with a receipt). GCS instances need nothing: the demo
 * binds every GCS client to the in-memory fake.
 */
final class DemoStorageSetup {

    static final Actor ACTOR = Actor.system("demo-storage");
    private static final Logger LOG = LoggerFactory.getLogger(DemoStorageSetup.class);

    private DemoStorageSetup() {}

    /** @return each tenant's storage instance named {@code instance} in the demo environment, where it has one */
    static List<AdapterInstance> prepare(
            Registry registry, DemoStoragePeers peers, String environment, String instance) {
        List<AdapterInstance> prepared = new ArrayList<>();
        for (Tenant tenant : registry.tenants()) {
            if (!tenant.hasEnvironment(environment)) {
                continue;
            }
            registry.instance(tenant.id(), environment, instance)
                    .filter(found -> found.category() == AdapterCategory.STORAGE)
                    .ifPresent(found -> {
                        if ("s3-storage".equals(found.definitionName())) {
                            pointAtSandbox(registry, peers, found);
                        }
                        prepared.add(found);
                    });
        }
        return prepared;
    }

    private static void pointAtSandbox(Registry registry, DemoStoragePeers peers, AdapterInstance instance) {
        JsonNode config = instance.config();
        DemoSecrets.put(
                registry,
                ACTOR,
                instance,
                config.path("accessKey").asText(),
                peers.s3().accessKey());
        DemoSecrets.put(
                registry,
                ACTOR,
                instance,
                config.path("secretKey").asText(),
                peers.s3().secretKey());
        // Creating a bucket that exists is a no-op for the sandbox's blob store.
        peers.s3().createBucket(config.path("bucket").asText());
        String endpoint = peers.s3().endpoint().toString();
        if (!endpoint.equals(config.path("endpoint").asText())
                || !config.path("forcePathStyle").asBoolean()) {
            ObjectNode pointed = config.deepCopy();
            pointed.put("endpoint", endpoint).put("forcePathStyle", true);
            registry.update(
                    ACTOR,
                    instance.tenant(),
                    instance.environment(),
                    instance.name(),
                    new UpdateRequest(instance.configVersion(), pointed, null, null));
            LOG.info(
                    "event=demo_instance_pointed tenant={} instance={} endpoint={}",
                    instance.tenant(),
                    instance.name(),
                    endpoint);
        }
    }
}
