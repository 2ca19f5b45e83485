package io.maestro.conductor.bench.eventbus;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.bench.BenchLogging;
import io.maestro.conductor.eventbus.EventbusComponent;
import io.maestro.conductor.eventbus.EventbusDefinitions;
import io.maestro.conductor.sandbox.eventbus.KafkaSandbox;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Publish throughput through {@code eventbus:publish} against raw camel-kafka to the same broker, in one process,
 * interleaved in rounds (each round alternates batches of 50 of each kind) so both see the same machine, JIT and
 * broker.
 * Both send synchronously with {@code acks=all} and idempotence (the adapter's settings, given to the raw endpoint
 * too), a 256-byte JSON body, one thread. The adapter call includes its instance resolution, a governance decision
 * (an allowing gate: the policy engine's cost is measured by PolicyDecisionBenchmark), per-topic meters and its INFO
 * outcome line written to a file. Both endpoints are resolved once, as a route's are. Prints each round's
 * throughput and ratio, then the median of the round ratios and the ratio of the totals eventbus/raw (target >=
 * 0.95), with the load average before and after: on a shared machine the neighbours move single rounds, and the
 * median is the figure they move least.
 *
 * <p>Arguments: {@code [rounds] [messages per round] [warm-up messages]}, default 20 2000 20000.
 */
public final class EventbusPublishComparison {

    static final double TARGET = 0.95;
    /** Events of one kind sent before the other kind's turn. */
    static final int BATCH = 50;

    private EventbusPublishComparison() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path log = Files.createTempFile("conductor-eventbus-bench", ".log");
        BenchLogging.infoToFile(log, "io.maestro.conductor");
        String body = "{\"event\":\"bench\",\"pad\":\"" + "x".repeat(228) + "\"}";
        try (KafkaSandbox kafka = KafkaSandbox.startTransient();
                CamelContext camel = camel(kafka.brokers())) {
            ProducerTemplate template = camel.createProducerTemplate();
            // The same broker-side topic for both: acme.prod.bench is where eventbus:publish puts topic "bench".
            Endpoint raw = camel.getEndpoint("kafka:acme.prod.bench?brokers=" + kafka.brokers()
                    + "&requestRequiredAcks=all&enableIdempotence=true");
            Endpoint adapter = camel.getEndpoint("eventbus:publish?instance=bus&topic=bench");
            Map<String, Object> headers = Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod");
            List<Runnable> kinds = List.of(
                    () -> check(template.request(raw, e -> e.getMessage().setBody(body))),
                    () -> check(template.request(adapter, e -> {
                        e.getMessage().setHeaders(new java.util.HashMap<>(headers));
                        e.getMessage().setBody(body);
                    })));
            System.out.printf(
                    Locale.ROOT,
                    "publish %d-byte events to one KRaft broker: %d warm-up + %d rounds x %d per kind, adapter log "
                            + "at INFO in %s; load average %.2f%n",
                    body.length(),
                    warmup,
                    rounds,
                    perRound,
                    log,
                    loadAverage());
            run(kinds, warmup / 2);
            double rawTotal = 0;
            double adapterTotal = 0;
            double[] ratios = new double[rounds];
            long[] cpuNanos = new long[2];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int round = 0; round < rounds; round++) {
                double[] seconds = new double[2];
                // Short batches of each kind in turn (the order swapping every batch), so a neighbour's burst
                // falls on both kinds rather than on one kind's whole round.
                for (int sent = 0, batch = 0; sent < perRound; sent += BATCH, batch++) {
                    int size = Math.min(BATCH, perRound - sent);
                    for (int j = 0; j < 2; j++) {
                        int kind = (batch + j) % 2;
                        long started = System.nanoTime();
                        long cpu = threads.getCurrentThreadCpuTime();
                        run(List.of(kinds.get(kind)), size);
                        cpuNanos[kind] += threads.getCurrentThreadCpuTime() - cpu;
                        seconds[kind] += (System.nanoTime() - started) / 1e9;
                    }
                }
                rawTotal += seconds[0];
                adapterTotal += seconds[1];
                ratios[round] = seconds[0] / seconds[1];
                System.out.printf(
                        Locale.ROOT,
                        "round %2d: raw %6.0f msg/s  eventbus %6.0f msg/s  ratio %.3f%n",
                        round + 1,
                        perRound / seconds[0],
                        perRound / seconds[1],
                        seconds[0] / seconds[1]);
            }
            double ratio = rawTotal / adapterTotal;
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
            System.out.printf(
                    Locale.ROOT,
                    "total: raw %.0f msg/s, eventbus %.0f msg/s; ratio of totals %.3f; round ratios %.3f .. %.3f%n",
                    rounds * perRound / rawTotal,
                    rounds * perRound / adapterTotal,
                    ratio,
                    sorted[0],
                    sorted[rounds - 1]);
            // CPU of the sending thread per call: what the adapter adds on the call path, moved less by neighbours
            // than wall time (the broker's and the Kafka client's own threads are not in it).
            System.out.printf(
                    Locale.ROOT,
                    "sending thread CPU per call: raw %.1f us, eventbus %.1f us (+%.1f us)%n",
                    cpuNanos[0] / 1e3 / ((double) rounds * perRound),
                    cpuNanos[1] / 1e3 / ((double) rounds * perRound),
                    (cpuNanos[1] - cpuNanos[0]) / 1e3 / ((double) rounds * perRound));
            System.out.printf(
                    Locale.ROOT,
                    "ratio eventbus/raw = %.3f (median of %d rounds), target >= %.2f: %s; load average %.2f%n",
                    median,
                    rounds,
                    TARGET,
                    median >= TARGET ? "met" : "NOT met",
                    loadAverage());
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void run(List<Runnable> kinds, int times) {
        for (int i = 0; i < times; i++) {
            for (Runnable kind : kinds) {
                kind.run();
            }
        }
    }

    /** A failed publish (faster than a real one) would flatter the ratio: stop the run instead. */
    private static void check(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException("publish failed", exchange.getException());
        }
    }

    private static CamelContext camel(String brokers) {
        ResolvedInstance bus = new ResolvedInstance(
                new InstanceRef("acme", "prod", "bus"),
                EventbusComponent.CATEGORY,
                EventbusComponent.BACKEND_KAFKA,
                1,
                "eu-west-1",
                "medium",
                "internal",
                Map.of(EventbusDefinitions.BROKERS, brokers));
        EventbusComponent eventbus = new EventbusComponent();
        eventbus.setInstanceResolver((ref, category) -> bus);
        eventbus.setSecretResolver((owner, name, purpose) -> {
            throw new IllegalStateException("the bench instance has no secrets");
        });
        eventbus.setGovernanceGate(request -> GovernanceDecision.allow("bench-" + request.action()));
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent(EventbusComponent.SCHEME, eventbus);
        camel.start();
        return camel;
    }
}
