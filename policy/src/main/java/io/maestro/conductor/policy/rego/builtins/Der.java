package io.maestro.conductor.policy.rego.builtins;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal DER reader (definite lengths, single-byte tags), enough to walk certificates, requests and keys
 * in the order they were written, which the JDK's parsed objects do not keep.
 */
final class Der {
    /** One element: its tag byte, its whole encoding and its content. */
    record Element(int tag, byte[] raw, byte[] content) {
        boolean constructed() {
            return (tag & 0x20) != 0;
        }

        /** The tag number of a context-specific tag ([n]), or -1. */
        int context() {
            return (tag & 0xc0) == 0x80 ? tag & 0x1f : -1;
        }

        List<Element> children() {
            return Der.parseAll(content);
        }

        BigInteger integer() {
            return new BigInteger(content);
        }

        /** Dotted text of an OBJECT IDENTIFIER's content. */
        String oid() {
            return Der.oid(content);
        }

        /** The bytes of a BIT STRING (the unused-bits count dropped). */
        byte[] bits() {
            if (content.length == 0) throw new IllegalArgumentException("empty bit string");
            return Arrays.copyOfRange(content, 1, content.length);
        }
    }

    private Der() {}

    /** One element that must fill {@code data} exactly. */
    static Element parse(byte[] data) {
        int[] end = new int[1];
        Element e = read(data, 0, end);
        if (end[0] != data.length) throw new IllegalArgumentException("trailing data");
        return e;
    }

    /** Consecutive elements filling {@code data}. */
    static List<Element> parseAll(byte[] data) {
        List<Element> out = new ArrayList<>();
        int[] end = new int[1];
        int pos = 0;
        while (pos < data.length) {
            out.add(read(data, pos, end));
            pos = end[0];
        }
        return out;
    }

    private static Element read(byte[] data, int start, int[] end) {
        int pos = start;
        if (pos + 2 > data.length) throw new IllegalArgumentException("truncated element");
        int tag = data[pos++] & 0xff;
        if ((tag & 0x1f) == 0x1f) throw new IllegalArgumentException("multi-byte tag");
        int len = data[pos++] & 0xff;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n == 0 || n > 4) throw new IllegalArgumentException("bad length");
            len = 0;
            for (int i = 0; i < n; i++) {
                if (pos >= data.length) throw new IllegalArgumentException("truncated length");
                len = (len << 8) | (data[pos++] & 0xff);
            }
            if (len < 0) throw new IllegalArgumentException("bad length");
        }
        if (len > data.length - pos) throw new IllegalArgumentException("truncated content");
        end[0] = pos + len;
        return new Element(tag, Arrays.copyOfRange(data, start, pos + len), Arrays.copyOfRange(data, pos, pos + len));
    }

    static String oid(byte[] content) {
        List<Long> arcs = oidArcs(content);
        StringBuilder sb = new StringBuilder();
        for (long a : arcs) {
            if (sb.length() > 0) sb.append('.');
            sb.append(a);
        }
        return sb.toString();
    }

    static List<Long> oidArcs(byte[] content) {
        List<Long> arcs = new ArrayList<>();
        long value = 0;
        for (byte b : content) {
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (arcs.isEmpty()) {
                    int first = value < 80 ? (int) (value / 40) : 2;
                    arcs.add((long) first);
                    arcs.add(value - 40L * first);
                } else {
                    arcs.add(value);
                }
                value = 0;
            }
        }
        return arcs;
    }

    /** DER encoding of an element with the given tag and content. */
    static byte[] encode(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) content.writeBytes(p);
        byte[] c = content.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (c.length < 0x80) {
            out.write(c.length);
        } else {
            byte[] len = BigInteger.valueOf(c.length).toByteArray();
            int skip = len[0] == 0 ? 1 : 0;
            out.write(0x80 | (len.length - skip));
            out.write(len, skip, len.length - skip);
        }
        out.writeBytes(c);
        return out.toByteArray();
    }
}
