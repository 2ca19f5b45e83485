package io.maestro.conductor.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bridges picocli's writers to the {@code PrintStream}s the policy tools take, so their output goes where
 * picocli's does (the terminal, or a test's capture).
 */
final class WriterOutputStream extends ByteArrayOutputStream {

    private final PrintWriter writer;

    WriterOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public synchronized void flush() {
        writer.print(toString(StandardCharsets.UTF_8));
        writer.flush();
        reset();
    }

    @Override
    public void close() {
        flush();
    }
}
