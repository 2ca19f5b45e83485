package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * {@code net.cidr_merge}: the smallest list of CIDRs covering the given addresses and networks,
 * as OPA computes it (netaddr's algorithm): ranges sorted by last then first address, overlapping
 * or adjacent ranges merged, a range merged from several written as its covering CIDR blocks, one
 * left alone kept as given. A bare IPv4 address stands for its classful network, as Go's
 * {@code DefaultMask} gives it; a bare IPv6 address is refused.
 */
final class CidrMerge {
    private static final String NAME = "net.cidr_merge";

    /** An address range and, while unmerged, the text of the network it came from. */
    private record Range(int bytes, BigInteger first, BigInteger last, String original) {}

    private CidrMerge() {}

    static List<String> merge(Collection<Value> elements) {
        List<Range> ranges = new ArrayList<>();
        for (Value v : elements) {
            if (!(v instanceof StringValue s)) throw BuiltinException.failed(NAME, "element must be string");
            ranges.add(range(s.value()));
        }
        ranges.sort(
                Comparator.comparingInt(Range::bytes).thenComparing(Range::last).thenComparing(Range::first));
        for (int i = ranges.size() - 1; i > 0; i--) {
            Range cur = ranges.get(i);
            Range prev = ranges.get(i - 1);
            if (cur.bytes() == prev.bytes()
                    && cur.first().subtract(BigInteger.ONE).compareTo(prev.last()) <= 0) {
                ranges.set(i - 1, new Range(cur.bytes(), prev.first().min(cur.first()), cur.last(), null));
                ranges.remove(i);
            }
        }
        List<String> out = new ArrayList<>();
        for (Range r : ranges) {
            if (r.original() != null) out.add(r.original());
            else out.addAll(blocks(r));
        }
        return out;
    }

    private static Range range(String text) {
        byte[] ip = Cidr.parseIp(text);
        if (ip != null) {
            if (ip.length != 4) throw BuiltinException.failed(NAME, "IPv6 invalid: needs prefix length");
            int first = ip[0] & 0xff;
            int prefix = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
            Cidr net = new Cidr(Cidr.parse(text + "/" + prefix).network(), prefix);
            return new Range(4, net.first(), net.last(), text + "/" + prefix);
        }
        Cidr net = Cidr.parse(text);
        if (net == null) throw BuiltinException.failed(NAME, "invalid CIDR address: " + text);
        return new Range(
                net.network().length, net.first(), net.last(), net.addressText(net.first()) + "/" + net.prefix());
    }

    /** The largest aligned blocks that exactly cover the range, in address order. */
    private static List<String> blocks(Range r) {
        int bits = r.bytes() * 8;
        Cidr family = new Cidr(new byte[r.bytes()], 0);
        List<String> out = new ArrayList<>();
        BigInteger start = r.first();
        while (start.compareTo(r.last()) <= 0) {
            int size = start.signum() == 0 ? bits : Math.min(start.getLowestSetBit(), bits);
            while (size > 0
                    && start.add(BigInteger.ONE.shiftLeft(size))
                                    .subtract(BigInteger.ONE)
                                    .compareTo(r.last())
                            > 0) size--;
            out.add(family.addressText(start) + "/" + (bits - size));
            start = start.add(BigInteger.ONE.shiftLeft(size));
        }
        return out;
    }
}
