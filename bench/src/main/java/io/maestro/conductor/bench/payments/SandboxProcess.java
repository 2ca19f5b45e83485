package io.maestro.conductor.bench.payments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@link StripeSandboxMain} in a child JVM on this classpath, with a heap of its own. */
final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final URI apiBase;

    private SandboxProcess(Process process, URI apiBase) {
        this.process = process;
        this.apiBase = apiBase;
    }

    static SandboxProcess start(String key, String maxHeap) throws IOException {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + maxHeap,
                        "-cp",
                        System.getProperty("java.class.path"),
                        StripeSandboxMain.class.getName(),
                        key)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("http://")) {
            // logging before the address
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the sandbox process printed no address");
        }
        return new SandboxProcess(process, URI.create(line.strip()));
    }

    URI apiBase() {
        return apiBase;
    }

    /** The CPU time the sandbox process has used so far (zero where the platform does not tell). */
    long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
