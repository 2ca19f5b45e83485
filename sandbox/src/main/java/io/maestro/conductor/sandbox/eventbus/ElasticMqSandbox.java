package io.maestro.conductor.sandbox.eventbus;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * A real SQS API (ElasticMQ) over HTTP on 127.0.0.1. It keeps its port across {@link #stop()} and {@link #start()};
 * its queues and messages live in memory, so a restart starts it empty (clients that create their queues on first
 * use, as the event bus does, recreate them after reconnecting).
 */
public final class ElasticMqSandbox implements AutoCloseable {

    /** ElasticMQ accepts any credentials; SQS clients still need some to sign with. */
    public static final String ACCESS_KEY = "sandbox-sqs-access-key";

    public static final String SECRET_KEY = "sandbox-sqs-secret-key";
    public static final String REGION = "elasticmq";

    private final int port;
    private SQSRestServer server;

    private ElasticMqSandbox() {
        this.port = FreePorts.next();
    }

    public static ElasticMqSandbox startTransient() {
        return new ElasticMqSandbox().start();
    }

    /** {@code http://127.0.0.1:<port>}, the same after every restart. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Starts (or restarts) the server. Its server address is the bound port, so the queue URLs it returns point at
     * it (../shared/STACK.md). Returns this.
     */
    public synchronized ElasticMqSandbox start() {
        if (server == null) {
            SQSRestServer started = SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                    .withAWSRegion(REGION)
                    .start();
            started.waitUntilStarted();
            server = started;
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
