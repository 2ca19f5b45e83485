package io.maestro.conductor.demo.sqs;

import io.maestro.conductor.demo.DemoPorts;
import io.maestro.conductor.sandbox.eventbus.ElasticMqSandbox;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's SQS server (ElasticMQ) on 127.0.0.1 with its message storage on: queues and messages live
 * in an H2 file in the data dir ({@value #STORAGE_DIR}), so a restart serves the queues and the messages not yet
 * consumed. Its port is remembered there ({@value #PORT_FILE}; a free one on the first start, or when the
 * remembered one is taken), so a restart keeps the address the demo tenant's instance names.
 */
public final class DemoSqsPeer implements AutoCloseable {

    static final String STORAGE_DIR = "demo-sqs";
    static final String PORT_FILE = "demo-sqs-port";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSqsPeer.class);

    private final ElasticMqSandbox sqs;

    private DemoSqsPeer(ElasticMqSandbox sqs) {
        this.sqs = sqs;
    }

    public static DemoSqsPeer start(Path dataDir) {
        Path portFile = dataDir.resolve(PORT_FILE);
        int[] remembered = DemoPorts.read(portFile, 1);
        int port = DemoPorts.free(remembered[0]) ? remembered[0] : 0;
        if (remembered[0] > 0 && port == 0) {
            LOG.warn("event=demo_sqs_port_moved port={} reason=\"the remembered port is taken\"", remembered[0]);
        }
        ElasticMqSandbox sqs = ElasticMqSandbox.startIn(dataDir.resolve(STORAGE_DIR), port);
        try {
            DemoPorts.remember(portFile, remembered, sqs.port());
        } catch (RuntimeException e) {
            sqs.close();
            throw e;
        }
        return new DemoSqsPeer(sqs);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return sqs.endpoint();
    }

    /** The credentials clients sign with (ElasticMQ accepts any). */
    public String accessKey() {
        return ElasticMqSandbox.ACCESS_KEY;
    }

    public String secretKey() {
        return ElasticMqSandbox.SECRET_KEY;
    }

    /** The region the server names in its queue ARNs. */
    public String region() {
        return ElasticMqSandbox.REGION;
    }

    @Override
    public void close() {
        sqs.close();
    }
}
