package io.maestro.conductor.sandbox.eventbus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.collection.immutable.List$;
import scala.util.Either;

/**
 * A real SQS API (ElasticMQ) over HTTP on 127.0.0.1. It keeps its port across {@link #stop()} and {@link #start()}.
 * {@link #startTransient()} keeps queues and messages in memory, so a restart starts it empty (clients that create
 * their queues on first use, as the event bus does, recreate them after reconnecting). {@link #startPersistent()}
 * wires ElasticMQ's own message storage ({@code messages-storage}: queues and every message change written to an H2
 * file database, the persistence {@code elasticmq-server} enables with {@code messages-storage.enabled = true}) into
 * the embedded server: a restart restores queues and the messages not yet deleted.
 */
public final class ElasticMqSandbox implements AutoCloseable {

    /** ElasticMQ accepts any credentials; SQS clients still need some to sign with. */
    public static final String ACCESS_KEY = "sandbox-sqs-access-key";

    public static final String SECRET_KEY = "sandbox-sqs-secret-key";
    public static final String REGION = "elasticmq";

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    /** The H2 database of a persistent server; null for an in-memory one. */
    private final Path storage;
    /** Whether {@link #close()} deletes {@link #storage} (a temporary one). */
    private final boolean ownsStorage;

    private SQSRestServer server;
    private ActorSystem actors;
    private int generation;

    private ElasticMqSandbox(Path storage, boolean ownsStorage, int port) {
        this.port = port;
        this.storage = storage;
        this.ownsStorage = ownsStorage;
    }

    /** Queues and messages in memory only: gone after {@link #stop()}. */
    public static ElasticMqSandbox startTransient() {
        return new ElasticMqSandbox(null, false, FreePorts.next()).start();
    }

    /**
     * Queues and messages in an H2 database in a fresh directory (deleted on {@link #close()}): a {@link #stop()} and
     * {@link #start()} keeps every message that was acknowledged to its sender and not yet deleted.
     */
    public static ElasticMqSandbox startPersistent() {
        try {
            return new ElasticMqSandbox(Files.createTempDirectory("elasticmq-sandbox"), true, FreePorts.next()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A persistent server whose H2 database lives in {@code storageDir} (created when missing, never deleted: a later
     * start there restores the queues and the messages not yet deleted) on {@code port}, or a free one when it is 0.
     * For the embedded default's demo.
     */
    public static ElasticMqSandbox startIn(Path storageDir, int port) {
        try {
            Files.createDirectories(storageDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ElasticMqSandbox(storageDir, false, port > 0 ? port : FreePorts.next()).start();
    }

    public int port() {
        return port;
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
     * it (../shared/STACK.md). A persistent server restores its queues and messages before it accepts a request.
     * Returns this.
     */
    public synchronized ElasticMqSandbox start() {
        if (server != null) {
            return this;
        }
        var builder = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion(REGION);
        if (storage != null) {
            actors = ActorSystem.create("elasticmq-sandbox-" + port + "-" + (++generation));
            SqlQueuePersistenceConfig settings = new SqlQueuePersistenceConfig(
                    true,
                    "org.h2.Driver",
                    "jdbc:h2:file:" + storage.resolve("elasticmq").toAbsolutePath(),
                    "",
                    "",
                    false);
            ActorRef store =
                    actors.actorOf(Props.create(SqlQueuePersistenceActor.class, settings, List$.MODULE$.empty()));
            ActorRef queues = actors.actorOf(Props.create(
                    QueueManagerActor.class, new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(store)));
            // Before the port opens: a client must not find a restored queue missing (QueueDoesNotExist).
            restore(store, queues);
            builder = builder.withActorSystem(actors).withQueueManagerActor(queues);
        }
        SQSRestServer started = builder.start();
        started.waitUntilStarted();
        server = started;
        return this;
    }

    /** Recreates the stored queues and their messages in the new queue manager (what elasticmq-server does). */
    private static void restore(ActorRef store, ActorRef queues) {
        try {
            Object answer = Patterns.ask(store, new QueueEvent.Restore(queues), RESTORE_TIMEOUT)
                    .toCompletableFuture()
                    .get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (answer instanceof Either<?, ?> either && either.isLeft()) {
                throw new IllegalStateException("ElasticMQ could not restore its queues: "
                        + either.left().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ElasticMQ restored its queues", e);
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ could not restore its queues", e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
        if (actors != null) {
            actors.terminate();
            try {
                actors.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException("ElasticMQ's actors did not stop", e);
            }
            actors = null;
        }
    }

    @Override
    public void close() {
        stop();
        if (ownsStorage) {
            try (Stream<Path> files = Files.walk(storage)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: what is left is the OS's to clear
            }
        }
    }
}
