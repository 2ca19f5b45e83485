package io.maestro.conductor.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener on 127.0.0.1 that only counts who connects: proof that nothing was sent somewhere. */
public final class LoopbackTrap implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    private LoopbackTrap(ServerSocket socket) {
        this.socket = socket;
        Thread acceptor = new Thread(this::accept, "loopback-trap-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static LoopbackTrap start() {
        try {
            return new LoopbackTrap(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket ignored = socket.accept()) {
                connections.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
