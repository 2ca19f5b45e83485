package io.maestro.conductor.sandbox.eventbus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker (KRaft, broker and controller in one node, the server classes spring-kafka-test's
 * {@code EmbeddedKafkaKraftBroker} runs) on 127.0.0.1. Unlike that test broker it keeps its log directory and ports
 * across {@link #stop()} and {@link #start()}, so a fault test can restart the broker under running clients and
 * find every acknowledged record again. Single replica: {@code acks=all} means this one broker.
 */
public final class KafkaSandbox implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final Path logDir;
    private final boolean ownsLogDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private KafkaRaftServer server;

    private KafkaSandbox(Path logDir, boolean ownsLogDir, int partitions) {
        this(logDir, ownsLogDir, partitions, FreePorts.next(), FreePorts.next());
    }

    private KafkaSandbox(Path logDir, boolean ownsLogDir, int partitions, int port, int controllerPort) {
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    /**
     * A broker that keeps its records in {@code logDir} (formatted on first use, never deleted: a later start finds
     * them again) on the given ports, or free ones where a port is 0. For the embedded default's demo.
     */
    public static KafkaSandbox startIn(Path logDir, int port, int controllerPort) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaSandbox kafka = new KafkaSandbox(
                logDir,
                false,
                2,
                port > 0 ? port : FreePorts.next(),
                controllerPort > 0 ? controllerPort : FreePorts.next());
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            kafka.format();
        }
        return kafka.start();
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** A broker with a fresh log directory (deleted on {@link #close()}), topics auto-created with 2 partitions. */
    public static KafkaSandbox startTransient() {
        try {
            return new KafkaSandbox(Files.createTempDirectory("kafka-sandbox"), true, 2)
                    .format()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bootstrap address clients use: {@code 127.0.0.1:<port>}, the same after every restart. */
    public String brokers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts (or restarts) the broker on its ports and log directory. Returns this. */
    public synchronized KafkaSandbox start() {
        if (server == null) {
            KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(properties()), Time.SYSTEM);
            started.startup();
            server = started;
        }
        return this;
    }

    /** Stops the broker (controlled shutdown); its records stay in the log directory. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
        if (ownsLogDir) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private KafkaSandbox format() {
        try {
            new Formatter()
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Features.PRODUCTION_FEATURES)
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("formatting the Kafka sandbox's log directory failed", e);
        }
        return this;
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", String.valueOf(partitions));
        props.put("auto.create.topics.enable", "true");
        // One broker: every internal topic has one replica, and a new consumer group starts at once.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("controlled.shutdown.enable", "true");
        return props;
    }
}
