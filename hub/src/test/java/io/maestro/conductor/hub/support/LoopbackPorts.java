package io.maestro.conductor.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port for a server that binds it later (a hub's HTTP or Hazelcast member port, named before its
 * process starts). Taken below Linux's ephemeral range (32768–60999): a port the kernel hands out with
 * {@code bind(0)} is also what it gives the next outgoing connection, so such a port was often taken by a database or
 * S3 client by the time a hub, starting for half a minute, came to bind it ("Port … is already in use").
 */
public final class LoopbackPorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_767;

    private LoopbackPorts() {}

    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port in " + FIRST + "-" + LAST));
    }
}
