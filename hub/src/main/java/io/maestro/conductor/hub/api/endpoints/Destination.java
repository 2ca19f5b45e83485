package io.maestro.conductor.hub.api.endpoints;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One destination in the compared form: scheme (none for a {@code host:port}), host and port, and for a URL its
 * path. Hosts are compared as an attacker would vary them: lower case, IDN in its ASCII form, one trailing dot
 * dropped, an IPv6 literal in its canonical form (an IPv4-mapped one as the IPv4 address), the scheme's default
 * port made explicit. What cannot be compared safely is refused: an IPv4 address in any form but dotted decimal
 * (2130706433, 0177.0.0.1, 0x7f.1, 127.1), a zone id, percent-encoding or odd characters in the host, dot
 * segments in the path, and user info ({@code user:password@}), which belongs in the definition's secret keys.
 *
 * @param scheme   lower case; empty for a {@code host:port}
 * @param path     without a trailing slash; empty for none (or for a {@code host:port})
 * @param userInfo whether the text carried user info (never kept: only {@link #shown()} says it was there, masked)
 */
record Destination(String scheme, String host, int port, String path, boolean userInfo) {

    /** The kinds a definition marks its keys with ({@code x-destination}), as the adapter SPI names them. */
    static final String URL = "url";

    static final String HOST_PORT_LIST = "host-port-list";

    private static final Map<String, Integer> DEFAULT_PORTS =
            Map.of("http", 80, "https", 443, "smtp", 25, "smtps", 465, "ws", 80, "wss", 443);
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,31}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    /** Looks like an IPv4 address in some form: digits, dots and hex, nothing a host name needs beside them. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]*))*");

    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final int MAX_LENGTH = 2048;
    private static final int MAX_LIST = 64;

    /**
     * The destinations of a config value of one kind: one for a URL, each element for a {@code host:port} list.
     *
     * @return empty when the value is not one the hub can compare safely (so it is on no allowlist)
     */
    static Optional<List<Destination>> parse(String kind, String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (HOST_PORT_LIST.equals(kind)) {
            String[] elements = text.split(",", -1);
            if (elements.length > MAX_LIST) {
                return Optional.empty();
            }
            List<Destination> all = new ArrayList<>();
            for (String element : elements) {
                Optional<Destination> one = hostPort(element.strip());
                if (one.isEmpty()) {
                    return Optional.empty();
                }
                all.add(one.get());
            }
            return Optional.of(List.copyOf(all));
        }
        return url(text.strip()).map(List::of);
    }

    /** A URL, {@code scheme://[user@]host[:port][/path][?query][#fragment]}; query and fragment are not compared. */
    static Optional<Destination> url(String text) {
        if (!printable(text)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.isOpaque() || uri.getRawAuthority() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(scheme).matches()) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.contains("/./")
                || path.contains("/../")
                || path.endsWith("/.")
                || path.endsWith("/..")
                || path.contains("\\")
                || path.contains("%2e")
                || path.contains("%2E")
                || path.contains("%2f")
                || path.contains("%2F")) {
            return Optional.empty();
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Integer defaultPort = DEFAULT_PORTS.get(scheme);
        String comparedPath = path;
        return authority(uri.getRawAuthority(), defaultPort == null ? -1 : defaultPort)
                .map(a -> new Destination(scheme, a.host(), a.port(), comparedPath, a.userInfo()));
    }

    /** {@code host:port}, the port required (a Kafka broker, an SMTP relay given without a scheme). */
    static Optional<Destination> hostPort(String text) {
        if (!printable(text) || text.isEmpty() || text.contains("/") || text.contains("@")) {
            return Optional.empty();
        }
        return authority(text, -1)
                .filter(a -> a.port() > 0)
                .map(a -> new Destination("", a.host(), a.port(), "", false));
    }

    private record Authority(String host, int port, boolean userInfo) {}

    private static Optional<Authority> authority(String raw, int defaultPort) {
        boolean userInfo = false;
        String hostPort = raw;
        int at = raw.lastIndexOf('@');
        if (at >= 0) {
            userInfo = true;
            hostPort = raw.substring(at + 1);
        }
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = hostPort.substring(0, close + 1);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Optional.empty();
                }
                portText = rest.substring(1);
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        int port = defaultPort;
        if (portText != null) {
            if (!portText.matches("[0-9]{1,5}")) {
                return Optional.empty();
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                return Optional.empty();
            }
        }
        boolean withUserInfo = userInfo;
        int finalPort = port;
        return host(host).map(h -> new Authority(h, finalPort, withUserInfo));
    }

    /** The compared form of a host, or empty when it cannot be compared safely. */
    static Optional<String> host(String raw) {
        if (raw.isEmpty() || raw.contains("%")) {
            return Optional.empty(); // percent-encoding, or an IPv6 zone id
        }
        if (raw.startsWith("[") && raw.endsWith("]")) {
            return ipv6(raw.substring(1, raw.length() - 1));
        }
        String ascii;
        try {
            // IDN first: full-width letters, digits and dots fold to ASCII, so the checks below see what DNS sees
            ascii = IDN.toASCII(raw.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        if (host.isEmpty() || host.endsWith(".")) {
            return Optional.empty();
        }
        String lastLabel = host.substring(host.lastIndexOf('.') + 1);
        if (NUMERIC_HOST.matcher(host).matches()
                || NUMERIC_HOST.matcher(lastLabel).matches()) {
            // Only the dotted decimal form: resolvers read 2130706433, 0177.1 or 0x7f.0.0.1 as 127.0.0.1 too.
            return DOTTED_QUAD.matcher(host).matches() ? Optional.of(host) : Optional.empty();
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(host);
    }

    private static Optional<String> ipv6(String literal) {
        if (!literal.matches("[0-9A-Fa-f:.]{2,45}") || !literal.contains(":")) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddress.getByName(literal); // a literal: no name lookup
            if (address instanceof Inet4Address) {
                return Optional.of(address.getHostAddress()); // ::ffff:a.b.c.d is a.b.c.d
            }
            if (address instanceof Inet6Address six) {
                return Optional.of("[" + compress(six.getAddress()) + "]");
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** RFC 5952's canonical text: lower case, leading zeros dropped, the longest run of zero groups as ::. */
    private static String compress(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this value's destination is the allowed one: same scheme, host and port, and, when the allowed one
     * names a path, the same path or one below it (a JWKS below the issuer). User info is never allowed.
     */
    boolean within(Destination allowed) {
        if (userInfo || !scheme.equals(allowed.scheme) || !host.equals(allowed.host) || port != allowed.port) {
            return false;
        }
        return allowed.path.isEmpty() || path.equals(allowed.path) || path.startsWith(allowed.path + "/");
    }

    /** Whether it is the same destination, ignoring user info (a value left as it was). */
    boolean sameAs(Destination other) {
        return scheme.equals(other.scheme) && host.equals(other.host) && port == other.port && path.equals(other.path);
    }

    /** How answers and audit lines show it: no user info (masked), no path, query or fragment. */
    String shown() {
        String authority = (userInfo ? "****@" : "") + host + (port > 0 ? ":" + port : "");
        return scheme.isEmpty() ? authority : scheme + "://" + authority + (path.isEmpty() ? "" : "/…");
    }
}
