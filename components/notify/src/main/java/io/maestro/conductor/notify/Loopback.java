package io.maestro.conductor.notify;

/** Whether a host names this machine: plain http and unauthenticated test peers are allowed there only. */
final class Loopback {

    private Loopback() {}

    static boolean is(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
