package io.maestro.conductor.hub.support;

import io.maestro.conductor.hub.ConductorHubApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hub as its own operating-system process (the test classpath, {@code java} of this JVM), with stdout and stderr
 * going to files, so a test can read everything the process ever printed, start-up included.
 */
public final class HubProcess implements AutoCloseable {

    /** Hubs started two at a time took 250 s to 5 min at load 28–32 on the shared 2-core machine. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(600);

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;

    private HubProcess(Process process, Path stdout, Path stderr, int port) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    /**
     * Starts the embedded default on {@code dataDir} with {@code arguments} ({@code --name=value}) and
     * {@code environment} added, and waits until health is UP. The hub runs from this JVM's classpath.
     */
    public static HubProcess start(Path dataDir, List<String> arguments, Map<String, String> environment) {
        return start(
                List.of("-cp", System.getProperty("java.class.path"), ConductorHubApplication.class.getName()),
                dataDir,
                arguments,
                environment);
    }

    /**
     * As {@link #start(Path, List, Map)}, but the hub runs from its executable jar ({@code hub/target/conductor-hub.jar}
     * after {@code mvn package}), as it is deployed: for load drivers whose own classpath is not the hub's.
     */
    public static HubProcess startJar(
            Path hubJar, Path dataDir, List<String> arguments, Map<String, String> environment) {
        return start(List.of("-jar", hubJar.toString()), dataDir, arguments, environment);
    }

    private static HubProcess start(
            List<String> launch, Path dataDir, List<String> arguments, Map<String, String> environment) {
        try {
            int port = LoopbackPorts.free();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            command.addAll(launch);
            command.add("--server.port=" + port);
            // An argument naming a property the embedded default sets replaces it (two would be joined as a list).
            Map<String, String> defaults = new LinkedHashMap<>(HubProperties.embeddedDefault(dataDir));
            arguments.stream()
                    .filter(argument -> argument.startsWith("--") && argument.contains("="))
                    .forEach(argument -> defaults.remove(argument.substring(2, argument.indexOf('='))));
            defaults.forEach((name, value) -> command.add("--" + name + "=" + value));
            command.addAll(arguments);
            Path stdout = Files.createTempFile("hub-process", ".stdout");
            Path stderr = Files.createTempFile("hub-process", ".stderr");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            HubProcess hub = new HubProcess(builder.start(), stdout, stderr, port);
            hub.awaitUp();
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Everything the process wrote to stdout, then everything it wrote to stderr. */
    public String output() {
        try {
            return Files.readString(stdout) + "\n" + Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the process has printed {@code line}. */
    public void awaitLine(String line, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + line + "' after " + patience + ":\n" + output());
    }

    /** Kills it (SIGKILL): no shutdown hook, no flush, whatever it was doing is cut off. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the hub process outlived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops it as an operator would (SIGTERM), so shutdown output is part of {@link #output()}. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitUp() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the hub process exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("the hub process was not UP within " + START_PATIENCE + ":\n" + output());
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
