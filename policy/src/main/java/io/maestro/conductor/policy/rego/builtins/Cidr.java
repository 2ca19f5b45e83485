package io.maestro.conductor.policy.rego.builtins;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP network (address and prefix length) parsed as Go's net.ParseCIDR and net.ParseIP do:
 * dotted-quad IPv4 without leading zeros, IPv6 literals; never a host name lookup.
 */
record Cidr(byte[] network, int prefix) {

    /** A CIDR such as "10.0.0.0/8", or null when the text is not one. */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) return null;
        byte[] ip = parseIp(text.substring(0, slash));
        String bits = text.substring(slash + 1);
        if (ip == null || !bits.matches("0|[1-9][0-9]{0,2}")) return null;
        int prefix = Integer.parseInt(bits);
        if (prefix > ip.length * 8) return null;
        return new Cidr(mask(ip, prefix), prefix);
    }

    /** A single address as a full-length network, or null. */
    static Cidr host(String text) {
        byte[] ip = parseIp(text);
        return ip == null ? null : new Cidr(ip, ip.length * 8);
    }

    /** IPv4 (4 bytes) or IPv6 (16 bytes) address bytes, or null. */
    static byte[] parseIp(String s) {
        if (s.indexOf(':') < 0) return parseIpv4(s);
        if (!s.matches("[0-9A-Fa-f:.]+")) return null;
        try {
            byte[] raw = InetAddress.getByName(s).getAddress();
            // An IPv4-mapped IPv6 literal: keep the IPv6 form, as Go compares it.
            return raw.length == 4 ? mapped(raw) : raw;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The 16-byte IPv4-mapped IPv6 form ({@code ::ffff:a.b.c.d}) of a 4-byte address. */
    static byte[] mapped(byte[] v4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(v4, 0, out, 12, 4);
        return out;
    }

    private static byte[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("0|[1-9][0-9]{0,2}")) return null;
            int v = Integer.parseInt(parts[i]);
            if (v > 255) return null;
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] mask(byte[] ip, int prefix) {
        byte[] out = ip.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        return out;
    }

    BigInteger first() {
        return new BigInteger(1, network);
    }

    BigInteger last() {
        int hostBits = network.length * 8 - prefix;
        return first().add(BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE));
    }

    /** Whether this network contains all of {@code other} (same address family). */
    boolean contains(Cidr other) {
        return network.length == other.network.length
                && first().compareTo(other.first()) <= 0
                && last().compareTo(other.last()) >= 0;
    }

    boolean intersects(Cidr other) {
        return network.length == other.network.length
                && first().compareTo(other.last()) <= 0
                && other.first().compareTo(last()) <= 0;
    }

    /** The text of an address of this family with the given numeric value. */
    String addressText(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[network.length];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        return ipText(bytes);
    }

    /**
     * Go's {@code net.IP.String()}: dotted IPv4 (also for v4-in-v6), RFC 5952 IPv6 (the first longest run of two or
     * more zero groups as {@code ::}).
     */
    static String ipText(byte[] ip) {
        if (ip.length == 4) return (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff);
        if (ip.length != 16) {
            StringBuilder sb = new StringBuilder("?");
            for (byte b : ip) sb.append(String.format("%02x", b & 0xff));
            return sb.toString();
        }
        boolean mapped = ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
        for (int i = 0; i < 10 && mapped; i++) mapped = ip[i] == 0;
        if (mapped) return ipText(java.util.Arrays.copyOfRange(ip, 12, 16));
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) groups[g] = ((ip[2 * g] & 0xff) << 8) | (ip[2 * g + 1] & 0xff);
        int bestStart = -1;
        int bestLen = 0;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) g++;
            if (g - start > bestLen && g - start >= 2) {
                bestStart = start;
                bestLen = g - start;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                sb.append("::");
                g += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(groups[g]));
        }
        return sb.toString();
    }
}
