package io.maestro.conductor.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The ports a demo peer remembers in a file of the data dir (space-separated), so a restart serves at the address
 * the demo tenants' instances already name: re-pointing them on every start would add a receipt each time.
 */
public final class DemoPorts {

    private DemoPorts() {}

    /** The remembered ports, {@code count} of them; zeros when nothing is remembered or the file is unreadable. */
    public static int[] read(Path file, int count) {
        try {
            String[] parts =
                    Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ports[i] = Integer.parseInt(parts[i]);
            }
            return ports;
        } catch (IOException | RuntimeException e) {
            return new int[count];
        }
    }

    /** Writes the ports when they differ from the remembered ones. */
    public static void remember(Path file, int[] remembered, int... ports) {
        if (Arrays.equals(remembered, ports)) {
            return;
        }
        try {
            Files.writeString(
                    file,
                    Arrays.stream(ports).mapToObj(Integer::toString).collect(Collectors.joining(" ")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember the demo ports in " + file.getFileName(), e);
        }
    }

    /** Whether nothing listens on the port on 127.0.0.1 now (0: nothing remembered, so not usable). */
    public static boolean free(int port) {
        if (port <= 0) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
