package io.maestro.conductor.bench.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.governance.GovernanceDenialListener;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import io.maestro.conductor.adapter.governance.PolicyGovernanceGate;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import io.maestro.conductor.policy.pdp.BundleLoader;
import io.maestro.conductor.policy.pdp.DecisionLog;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import io.maestro.conductor.storage.StorageComponent;
import io.maestro.conductor.storage.StorageConstants;
import io.maestro.conductor.storage.backend.ObjectInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.util.Statistics;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A 64 KiB {@code storage:put_object} through the adapter (instance resolution, the policy governance gate over
 * the embedded decision point with the repository's residency bundle, metrics, the outcome log line) against a raw
 * camel-aws2-s3 put of the same bytes to an S3Proxy started the same way. {@link #main} prints the ratio
 * adapter/raw of the medians (target at most 1.10) over alternating forks; medians, because a loopback HTTP put
 * shares the machine with everything else and the mean follows its outliers. Both paths use an SDK client configured alike (path style,
 * checksums only where required).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StoragePutBenchmark {

    private static final String TENANT = "atlas";
    private static final String ENV = "dev";
    private static final String REGION = "eu-west-1";
    private static final String BUCKET = "bench-evidence";
    private static final GovernanceRequest WRITE = new GovernanceRequest(TENANT, ENV, "anonymous",
            "storage.put_object", new GovernanceRequest.AdapterAttributes("evidence", "storage",
                    StorageComponent.BACKEND_S3, "medium", "confidential", REGION),
            new GovernanceRequest.DataAttributes(REGION, null));

    private S3ProxySandbox s3;
    private CamelContext camel;
    private ProducerTemplate template;
    private S3Client rawClient;
    private EmbeddedDecisionPoint decisions;
    private PolicyGovernanceGate gate;
    private StorageComponent storage;
    private ResolvedInstance instance;
    private byte[] payload;

    @Setup
    public void start() throws Exception {
        s3 = S3ProxySandbox.startTransient();
        s3.createBucket(BUCKET);
        payload = new byte[64 * 1024];
        ThreadLocalRandom.current().nextBytes(payload);

        decisions = new EmbeddedDecisionPoint(BundleLoader.load(List.of(repositoryRoot().resolve("residency-policies")))
                .compile(), new DecisionLog(), Duration.ofSeconds(1));
        InMemoryInstanceResolver instances = new InMemoryInstanceResolver();
        instance = new ResolvedInstance(new InstanceRef(TENANT, ENV, "evidence"), "storage",
                StorageComponent.BACKEND_S3, 1, REGION, "medium", "confidential", Map.of(
                        "bucket", BUCKET, "region", REGION, "endpoint", s3.endpoint().toString(),
                        "forcePathStyle", "true", "keyPrefix", "bench",
                        "accessKey", "secret:access", "secretKey", "secret:secret"));
        instances.put(instance);
        InMemorySecretResolver secrets = new InMemorySecretResolver();
        secrets.put(TENANT, ENV, "access", s3.accessKey());
        secrets.put(TENANT, ENV, "secret", s3.secretKey());

        storage = new StorageComponent();
        storage.setInstanceResolver(instances);
        storage.setSecretResolver(secrets);
        gate = new PolicyGovernanceGate(decisions, PolicyGovernanceGate.DEFAULT_POLICIES, GovernanceDenialListener.NONE);
        storage.setGovernanceGate(gate);
        storage.setMeterRegistry(new SimpleMeterRegistry());

        rawClient = S3Client.builder()
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .endpointOverride(URI.create(s3.endpoint().toString()))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("rawClient", rawClient);
        camel.addComponent("storage", storage);
        camel.start();
        template = camel.createProducerTemplate();
        requireSuccess(adapter());
        requireSuccess(raw());
        if (!gate.evaluate(WRITE).allowed()) {
            throw new IllegalStateException("the residency bundle does not allow the benchmark's write");
        }
    }

    @TearDown
    public void stop() throws Exception {
        camel.stop();
        rawClient.close();
        decisions.close();
        s3.close();
    }

    @Benchmark
    public Exchange adapter() {
        return template.request("storage:put_object?instance=evidence", exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, TENANT);
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, ENV);
            exchange.getMessage().setHeader(AdapterHeaders.DATA_REGION, REGION);
            exchange.getMessage().setHeader(StorageConstants.KEY, "put-64k.bin");
            exchange.getMessage().setHeader(StorageConstants.CONTENT_LENGTH, (long) payload.length);
            exchange.getMessage().setBody(payload);
        });
    }

    @Benchmark
    public Exchange raw() {
        return template.request("aws2-s3://" + BUCKET + "?amazonS3Client=#rawClient&autoCreateBucket=false", exchange -> {
            exchange.getMessage().setHeader(AWS2S3Constants.KEY, "bench/raw/put-64k.bin");
            exchange.getMessage().setHeader(AWS2S3Constants.CONTENT_LENGTH, (long) payload.length);
            exchange.getMessage().setBody(payload);
        });
    }

    /** The instance's backend delegate alone (no resolution, gate, metrics or log): the adapter minus the SPI. */
    @Benchmark
    public ObjectInfo backend() {
        return storage.delegateFor(instance).put("bench/backend/put-64k.bin", new ByteArrayInputStream(payload),
                payload.length, "application/octet-stream");
    }

    /** The governance check alone (the largest part of the adapter's own work), to read the ratio against. */
    @Benchmark
    public GovernanceDecision gate() {
        return gate.evaluate(WRITE);
    }

    /** Guards against measuring a fast failure (a deny or an unreachable store would be quicker than a put). */
    private static void requireSuccess(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException("fixture put failed", exchange.getException());
        }
    }

    /**
     * Runs adapter and raw in alternating forks, {@code rounds} pairs (first argument, default 5), then the delegate
     * and the gate once. Alternating matters on a shared machine: run back to back, one side would get the quiet
     * minute and the other the busy one, and the ratio would measure the neighbours.
     */
    public static void main(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Double> adapterMedians = new ArrayList<>();
        List<Double> rawMedians = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Statistics adapter;
            Statistics raw;
            if (round % 2 == 0) {
                adapter = run("adapter");
                raw = run("raw");
            } else {
                raw = run("raw");
                adapter = run("adapter");
            }
            adapterMedians.add(adapter.getPercentile(50));
            rawMedians.add(raw.getPercentile(50));
            ratios.add(adapter.getPercentile(50) / raw.getPercentile(50));
            System.out.printf("round %d: adapter p50 = %.1f us (p99 %.1f), raw p50 = %.1f us (p99 %.1f), ratio %.3f%n",
                    round + 1, adapter.getPercentile(50), adapter.getPercentile(99), raw.getPercentile(50),
                    raw.getPercentile(99), ratios.get(round));
        }
        Statistics backend = run("backend");
        Statistics gate = run("gate");
        System.out.printf("adapter put 64 KiB: p50 = %.1f us (median of %d forks)%n", median(adapterMedians), rounds);
        System.out.printf("raw camel-aws2-s3 put: p50 = %.1f us (median of %d forks)%n", median(rawMedians), rounds);
        System.out.printf("storage backend delegate alone: p50 = %.1f us, p99 = %.1f us%n",
                backend.getPercentile(50), backend.getPercentile(99));
        System.out.printf("governance gate alone: p50 = %.1f us, p99 = %.1f us%n", gate.getPercentile(50),
                gate.getPercentile(99));
        System.out.printf("ratio adapter/raw = %.3f (median of the rounds' p50 ratios %s; target <= 1.10)%n",
                median(ratios), ratios.stream().map(r -> String.format("%.3f", r)).toList());
    }

    private static Statistics run(String benchmark) throws RunnerException {
        return new Runner(new OptionsBuilder().include(StoragePutBenchmark.class.getName() + "\\." + benchmark + "$")
                .build()).runSingle().getPrimaryResult().getStatistics();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The directory of the parent POM (the one listing modules), found from the working directory up. */
    private static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                String text = Files.readString(pom);
                if (text.contains("<artifactId>conductor-parent</artifactId>") && text.contains("<modules>")) {
                    return dir;
                }
            }
        }
        throw new IOException("run the benchmark from inside the conductor repository");
    }
}
