package io.maestro.conductor.demo.events;

import io.maestro.conductor.demo.DemoPorts;
import io.maestro.conductor.sandbox.eventbus.KafkaSandbox;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's Kafka broker (KRaft, one node) on 127.0.0.1. Its records live in the data dir
 * ({@value #LOG_DIR}) and its ports are remembered there ({@value #PORTS_FILE}; free ones on the first start, or when
 * a remembered one is taken), so a restart serves the events of the last run at the address the demo tenant's
 * instance already names: re-pointing it on every start would add a receipt each time.
 */
public final class DemoEventsPeer implements AutoCloseable {

    static final String LOG_DIR = "demo-kafka";
    static final String PORTS_FILE = "demo-kafka-ports";
    private static final Logger LOG = LoggerFactory.getLogger(DemoEventsPeer.class);

    private final KafkaSandbox kafka;

    private DemoEventsPeer(KafkaSandbox kafka) {
        this.kafka = kafka;
    }

    public static DemoEventsPeer start(Path dataDir) {
        Path portsFile = dataDir.resolve(PORTS_FILE);
        int[] remembered = DemoPorts.read(portsFile, 2);
        int port = DemoPorts.free(remembered[0]) ? remembered[0] : 0;
        int controllerPort = DemoPorts.free(remembered[1]) ? remembered[1] : 0;
        if (remembered[0] > 0 && (port == 0 || controllerPort == 0)) {
            LOG.warn(
                    "event=demo_kafka_port_moved ports=\"{} {}\" reason=\"a remembered port is taken\"",
                    remembered[0],
                    remembered[1]);
        }
        KafkaSandbox kafka = KafkaSandbox.startIn(dataDir.resolve(LOG_DIR), port, controllerPort);
        try {
            DemoPorts.remember(portsFile, remembered, kafka.port(), kafka.controllerPort());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return new DemoEventsPeer(kafka);
    }

    /** {@code 127.0.0.1:<port>}. */
    public String brokers() {
        return kafka.brokers();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
