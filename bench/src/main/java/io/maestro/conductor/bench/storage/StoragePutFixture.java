package io.maestro.conductor.bench.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.zaxxer.hikari.HikariDataSource;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import io.maestro.conductor.adapter.governance.PolicyGovernanceGate;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.registry.RegistryInstanceResolver;
import io.maestro.conductor.adapter.registry.RegistrySecretResolver;
import io.maestro.conductor.bench.RepositoryRoot;
import io.maestro.conductor.policy.pdp.BundleLoader;
import io.maestro.conductor.policy.pdp.DecisionLog;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.EmbeddedDatabase;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryConfig;
import io.maestro.conductor.registry.cache.LoopbackMember;
import io.maestro.conductor.registry.cache.RegistryMaps;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.model.TenantKind;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.secret.MasterKeySource;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import io.maestro.conductor.storage.StorageComponent;
import io.maestro.conductor.storage.StorageConstants;
import io.maestro.conductor.storage.StorageDefinitions;
import io.maestro.conductor.storage.StorageOperation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3Proxy and the three ways a 64 KiB object reaches it, all in one Camel context:
 * <ul>
 *   <li>{@link #raw()}: a plain camel-aws2-s3 put with an SDK client configured like the adapter's (path style,
 *       checksums only where required) — the baseline;</li>
 *   <li>{@link #adapter()}: {@code storage:put_object} as the hub wires it: the instance and its secrets resolved
 *       from a real registry (H2 file, Hazelcast member, Tink-encrypted secrets), the governance gate over the
 *       embedded decision point with the repository's {@code residency-policies}, per-instance metrics, the
 *       outcome and decision log lines written at INFO to a file;</li>
 *   <li>{@link #adapterWithReceipt()}: the adapter put followed by a provenance receipt appended to the tenant's
 *       hash chain in the same registry database, as the evidence workflow does for a bundle.</li>
 * </ul>
 * Every call checks its exchange: a failure (a deny, an unreachable store) would be faster than a put and must
 * never be measured as one.
 */
public final class StoragePutFixture implements AutoCloseable {

    static final String TENANT = "atlas";
    static final String ENV = "dev";
    static final String REGION = "eu-west-1";
    static final String BUCKET = "bench-evidence";
    static final String INSTANCE = "evidence";
    static final String KEY_PREFIX = "bench/";
    static final int PAYLOAD_BYTES = 64 * 1024;

    private static final Actor ACTOR = Actor.system("storage-put-bench");

    // Set in the order they start; close() stops whatever has started, also after a failed start.
    private Path dataDir;
    private S3ProxySandbox s3;
    private HikariDataSource dataSource;
    private HazelcastInstance hazelcast;
    private Registry registry;
    private EmbeddedDecisionPoint decisions;
    private PolicyGovernanceGate gate;
    /** What the adapter's gate is asked on each put, built the way the adapter builds it. */
    private GovernanceRequest write;

    private S3Client rawClient;
    private CamelContext camel;
    private ProducerTemplate template;
    private final byte[] payload = new byte[PAYLOAD_BYTES];

    public StoragePutFixture() throws Exception {
        Path residencyPolicies = RepositoryRoot.find().resolve("residency-policies");
        try {
            start(residencyPolicies);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void start(Path residencyPolicies) throws Exception {
        ThreadLocalRandom.current().nextBytes(payload);
        dataDir = Files.createTempDirectory("conductor-storage-bench");
        s3 = S3ProxySandbox.startTransient();
        s3.createBucket(BUCKET);

        dataSource = EmbeddedDatabase.dataSource(EmbeddedDatabase.jdbcUrl(dataDir));
        hazelcast = Hazelcast.newHazelcastInstance(
                RegistryMaps.configure(LoopbackMember.config("storage-bench-" + UUID.randomUUID()), dataSource));
        registry = Registry.open(new RegistryConfig(dataSource, hazelcast, MasterKeySource.fromDataDir(dataDir)));
        installEvidenceInstance();

        decisions = new EmbeddedDecisionPoint(
                BundleLoader.load(List.of(residencyPolicies)).compile(), new DecisionLog(), Duration.ofSeconds(1));
        gate = new PolicyGovernanceGate(decisions, Map.of("storage", "residency/decision"), List.of());
        RegistryInstanceResolver instances = new RegistryInstanceResolver(registry);
        write = new Invocation(
                        instances.resolve(new InstanceRef(TENANT, ENV, INSTANCE), StorageComponent.CATEGORY),
                        StorageOperation.put_object.name(),
                        AdapterHeaders.ANONYMOUS,
                        "bench",
                        new GovernanceRequest.DataAttributes(REGION, null))
                .toGovernanceRequest();
        StorageComponent storage = new StorageComponent();
        storage.setInstanceResolver(instances);
        storage.setSecretResolver(new RegistrySecretResolver(registry.secrets()));
        storage.setGovernanceGate(gate);
        storage.setMeterRegistry(new SimpleMeterRegistry());

        rawClient = S3Client.builder()
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .endpointOverride(URI.create(s3.endpoint().toString()))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("rawClient", rawClient);
        camel.addComponent("storage", storage);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:put-with-receipt")
                        .routeId("put-with-receipt")
                        .to("storage:put_object?instance=" + INSTANCE)
                        .process(StoragePutFixture.this::appendReceipt);
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        adapter();
        adapterWithReceipt();
        raw();
    }

    public Exchange raw() {
        return require(template.request(
                "aws2-s3://" + BUCKET + "?amazonS3Client=#rawClient&autoCreateBucket=false", exchange -> {
                    exchange.getMessage().setHeader(AWS2S3Constants.KEY, KEY_PREFIX + "raw/put-64k.bin");
                    exchange.getMessage().setHeader(AWS2S3Constants.CONTENT_LENGTH, (long) payload.length);
                    exchange.getMessage().setBody(payload);
                }));
    }

    public Exchange adapter() {
        return require(template.request("storage:put_object?instance=" + INSTANCE, this::adapterRequest));
    }

    public Exchange adapterWithReceipt() {
        return require(template.request("direct:put-with-receipt", this::adapterRequest));
    }

    /** The governance check alone (the largest part of the adapter's own work). */
    public GovernanceDecision gate() {
        return gate.evaluate(write);
    }

    /** Objects in the benchmark bucket, for checks that the puts really land. */
    public List<String> storedKeys() {
        return s3.objectKeys(BUCKET);
    }

    public Registry registry() {
        return registry;
    }

    private void adapterRequest(Exchange exchange) {
        exchange.getMessage().setHeader(AdapterHeaders.TENANT, TENANT);
        exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, ENV);
        exchange.getMessage().setHeader(AdapterHeaders.DATA_REGION, REGION);
        exchange.getMessage().setHeader(StorageConstants.KEY, "put-64k.bin");
        exchange.getMessage().setHeader(StorageConstants.CONTENT_LENGTH, (long) payload.length);
        exchange.getMessage().setBody(payload);
    }

    private void appendReceipt(Exchange exchange) {
        ObjectNode changeSet = Json.MAPPER
                .createObjectNode()
                .put("location", exchange.getMessage().getHeader(StorageConstants.LOCATION, String.class))
                .put("etag", exchange.getMessage().getHeader(StorageConstants.ETAG, String.class))
                .put("size", PAYLOAD_BYTES);
        registry.receipts().append(TENANT, ENV, ACTOR.id(), ReceiptAction.EVIDENCE_STORED, INSTANCE, changeSet);
    }

    private void installEvidenceInstance() {
        registry.ensureTenant(new Tenant(TENANT, "Atlas (bench)", TenantKind.INTERNAL, List.of(ENV)));
        registry.secrets().put(ACTOR, TENANT, ENV, "evidence-access-key", s3.accessKey());
        registry.secrets().put(ACTOR, TENANT, ENV, "evidence-secret-key", s3.secretKey());
        ObjectNode config = Json.MAPPER
                .createObjectNode()
                .put(StorageDefinitions.BUCKET, BUCKET)
                .put(StorageDefinitions.REGION, REGION)
                .put(StorageDefinitions.ENDPOINT, s3.endpoint().toString())
                .put(StorageDefinitions.KEY_PREFIX, KEY_PREFIX)
                .put(StorageDefinitions.PATH_STYLE, true)
                .put(StorageDefinitions.ACCESS_KEY, "secret:evidence-access-key")
                .put(StorageDefinitions.SECRET_KEY, "secret:evidence-secret-key");
        registry.install(
                ACTOR, TENANT, ENV, INSTANCE, new InstallRequest(StorageComponent.BACKEND_S3, null, config, REGION));
    }

    private static Exchange require(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException("benchmark put failed", exchange.getException());
        }
        return exchange;
    }

    @Override
    public void close() throws Exception {
        AutoCloseable stopHazelcast = hazelcast == null ? null : hazelcast::shutdown;
        for (AutoCloseable part : Arrays.asList(camel, rawClient, decisions, stopHazelcast, dataSource, s3)) {
            if (part != null) {
                part.close();
            }
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
