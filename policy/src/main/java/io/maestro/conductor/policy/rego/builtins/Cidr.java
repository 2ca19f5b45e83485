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
      if (raw.length == 4) {
        // An IPv4-mapped IPv6 literal: keep the IPv6 form, as Go compares it.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
      }
      return raw;
    } catch (UnknownHostException e) {
      return null;
    }
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

  BigInteger first() { return new BigInteger(1, network); }

  BigInteger last() {
    int hostBits = network.length * 8 - prefix;
    return first().add(BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE));
  }

  /** Whether this network contains all of {@code other} (same address family). */
  boolean contains(Cidr other) {
    return network.length == other.network.length && first().compareTo(other.first()) <= 0
        && last().compareTo(other.last()) >= 0;
  }

  boolean intersects(Cidr other) {
    return network.length == other.network.length && first().compareTo(other.last()) <= 0
        && other.first().compareTo(last()) <= 0;
  }

  /** The text of an address of this family with the given numeric value. */
  String addressText(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] bytes = new byte[network.length];
    int copy = Math.min(raw.length, bytes.length);
    System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
    try {
      String text = InetAddress.getByAddress(bytes).getHostAddress();
      return bytes.length == 16 ? compressIpv6(text) : text;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Java prints IPv6 in full ("0:0:0:0:0:0:0:1"); Go compresses the longest zero run ("::1"). */
  private static String compressIpv6(String full) {
    String[] groups = full.split(":");
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < groups.length; ) {
      if (!groups[i].equals("0")) { i++; continue; }
      int j = i;
      while (j < groups.length && groups[j].equals("0")) j++;
      if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
      i = j;
    }
    if (bestStart < 0) return full;
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
    return head + "::" + tail;
  }
}
