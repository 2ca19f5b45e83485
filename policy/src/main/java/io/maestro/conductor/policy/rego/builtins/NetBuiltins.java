package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.ARR_SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code net.cidr_contains cidr_contains_matches cidr_intersects cidr_is_valid cidr_expand cidr_merge}, and
 * {@code net.lookup_ip_addr}, which resolves through {@link BuiltinContext#lookup} (so the query is impure).
 */
final class NetBuiltins implements BuiltinGroup {
    /** Largest network {@code net.cidr_expand} lists (a /16 of IPv4). */
    static final int MAX_EXPAND = 65_536;

    private static final java.util.Set<ArgType> MATCH_OPERAND =
            java.util.EnumSet.of(ArgType.STRING, ArgType.ARRAY, ArgType.SET, ArgType.OBJECT);

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "net.cidr_contains",
                        BOOL,
                        (ctx, a) -> BooleanValue.of(contains(
                                "net.cidr_contains",
                                Operands.string("net.cidr_contains", a, 1),
                                Operands.string("net.cidr_contains", a, 2))),
                        STR,
                        STR),
                spec("net.cidr_contains_matches", SET, NetBuiltins::containsMatches, MATCH_OPERAND, MATCH_OPERAND),
                spec(
                        "net.cidr_merge",
                        SET,
                        (ctx, a) -> {
                            Value v = a.get(0);
                            if (!(v instanceof ArrayValue) && !(v instanceof SetValue)) {
                                throw BuiltinException.failed("net.cidr_merge", "operand must be an array");
                            }
                            Collection<Value> elements =
                                    v instanceof ArrayValue arr ? arr.elements() : ((SetValue) v).elements();
                            return SetValue.of(CidrMerge.merge(elements).stream()
                                    .map(t -> (Value) StringValue.of(t))
                                    .toList());
                        },
                        ARR_SET),
                spec(
                        "net.cidr_intersects",
                        BOOL,
                        (ctx, a) -> BooleanValue.of(cidr(
                                        "net.cidr_intersects", Operands.string("net.cidr_intersects", a, 1))
                                .intersects(cidr("net.cidr_intersects", Operands.string("net.cidr_intersects", a, 2)))),
                        STR,
                        STR),
                spec(
                        "net.cidr_is_valid",
                        BOOL,
                        (ctx, a) -> BooleanValue.of(a.get(0) instanceof StringValue s && Cidr.parse(s.value()) != null),
                        ANY),
                spec(
                        "net.cidr_expand",
                        SET,
                        (ctx, a) -> {
                            Cidr net = cidr("net.cidr_expand", Operands.string("net.cidr_expand", a, 1));
                            BigInteger size = net.last().subtract(net.first()).add(BigInteger.ONE);
                            if (size.compareTo(BigInteger.valueOf(MAX_EXPAND)) > 0) {
                                throw BuiltinException.failed(
                                        "net.cidr_expand", "network has more than " + MAX_EXPAND + " addresses");
                            }
                            List<Value> out = new ArrayList<>(size.intValue());
                            for (BigInteger ip = net.first();
                                    ip.compareTo(net.last()) <= 0;
                                    ip = ip.add(BigInteger.ONE)) {
                                out.add(StringValue.of(net.addressText(ip)));
                            }
                            return SetValue.of(out);
                        },
                        STR),
                spec(LOOKUP, SET, (ctx, a) -> lookup(ctx, Operands.string(LOOKUP, a, 1)), STR));
    }

    static final String LOOKUP = "net.lookup_ip_addr";

    /**
     * OPA's {@code net.lookup_ip_addr}: the addresses of a name (an IP literal stands for itself) as Go prints them,
     * the same for the same name throughout one query, as OPA keeps them for the query.
     */
    private static Value lookup(BuiltinContext ctx, String host) {
        String key = LOOKUP + ":" + host;
        Value known = ctx.memo().get(key);
        if (known != null) return known;
        // the JDK resolves "" to the loopback address and accepts "[v6]"; Go's resolver knows neither
        if (host.isEmpty() || host.startsWith("[")) {
            throw BuiltinException.failed(LOOKUP, "lookup " + host + ": no such host");
        }
        java.net.InetAddress[] addresses;
        try {
            addresses = ctx.lookup(host);
        } catch (java.net.UnknownHostException | SecurityException e) {
            throw BuiltinException.failed(LOOKUP, "lookup " + host + ": no such host");
        }
        List<Value> out = new ArrayList<>(addresses.length);
        for (java.net.InetAddress address : addresses) out.add(StringValue.of(goIpText(address)));
        Value result = SetValue.of(out);
        ctx.memo().put(key, result);
        return result;
    }

    /** Go's {@code IPAddr.String}: the address as {@link Cidr#ipText}, then the JDK's %zone if any. */
    static String goIpText(java.net.InetAddress address) {
        String jdk = address.getHostAddress();
        int zone = jdk.indexOf('%');
        String text = Cidr.ipText(address.getAddress());
        return zone < 0 ? text : text + jdk.substring(zone);
    }

    /** Whether the network contains the address or network {@code other}. */
    private static boolean contains(String name, String network, String other) {
        Cidr net = cidr(name, network);
        Cidr inner = Cidr.host(other);
        if (inner == null) inner = Cidr.parse(other);
        if (inner == null) {
            throw BuiltinException.failed(
                    name, "not a valid textual representation of an IP address or CIDR: " + other);
        }
        return net.contains(inner);
    }

    /** One candidate of net.cidr_contains_matches: the CIDR text and the key it is reported under. */
    private record Candidate(String cidr, Value key) {}

    /** Pairs [key1, key2] for every CIDR of operand 1 that contains an address or CIDR of operand 2. */
    private static Value containsMatches(BuiltinContext ctx, List<Value> a) {
        String name = "net.cidr_contains_matches";
        List<Candidate> networks = candidates(name, 1, a.get(0));
        List<Candidate> others = candidates(name, 2, a.get(1));
        List<Value> pairs = new ArrayList<>();
        for (Candidate n : networks) {
            for (Candidate o : others) {
                if (contains(name, n.cidr(), o.cidr())) pairs.add(ArrayValue.of(n.key(), o.key()));
            }
        }
        return SetValue.of(pairs);
    }

    /** A string (its own key), or an array (index), set (element) or object (key) of strings or [cidr, ...] arrays. */
    private static List<Candidate> candidates(String name, int pos, Value operand) {
        List<Candidate> out = new ArrayList<>();
        if (operand instanceof StringValue s) {
            out.add(new Candidate(s.value(), s));
        } else if (operand instanceof ArrayValue arr) {
            for (int i = 0; i < arr.size(); i++)
                out.add(new Candidate(matchText(name, pos, arr.get(i)), NumberValue.of(i)));
        } else if (operand instanceof SetValue set) {
            for (Value v : set.elements()) out.add(new Candidate(matchText(name, pos, v), v));
        } else if (operand instanceof ObjectValue obj) {
            obj.entries().forEach((k, v) -> out.add(new Candidate(matchText(name, pos, v), k)));
        }
        return out;
    }

    private static String matchText(String name, int pos, Value element) {
        Value v = element instanceof ArrayValue arr && arr.size() > 0 ? arr.get(0) : element;
        if (v instanceof StringValue s) return s.value();
        throw BuiltinException.failed(name, "operand " + pos + ": element must be string or non-empty array");
    }

    private static Cidr cidr(String name, String text) {
        Cidr c = Cidr.parse(text);
        if (c == null) throw BuiltinException.failed(name, "invalid CIDR address: " + text);
        return c;
    }
}
