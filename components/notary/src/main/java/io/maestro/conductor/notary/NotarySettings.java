package io.maestro.conductor.notary;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * One notary instance's non-secret settings.
 *
 * @param tsaUrl     the TSA's HTTP endpoint; plain http only on a loopback address (the sandbox TSA)
 * @param tsaUser    HTTP Basic user for the TSA, or null
 * @param tsaAnchors pinned TSA root certificates: tokens must chain to one (empty: any validly signed token)
 */
record NotarySettings(URI tsaUrl, String tsaUser, List<X509Certificate> tsaAnchors, Duration timeout) {

    NotarySettings {
        tsaAnchors = List.copyOf(tsaAnchors);
        if ("http".equals(tsaUrl.getScheme()) && !isLoopback(tsaUrl.getHost())) {
            throw new IllegalArgumentException("a plain-http TSA endpoint must be a loopback address");
        }
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
