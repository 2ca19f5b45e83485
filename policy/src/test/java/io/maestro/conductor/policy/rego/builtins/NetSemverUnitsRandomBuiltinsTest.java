package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.context;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.json;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static io.maestro.conductor.policy.rego.builtins.Calls.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.Value;
import org.junit.jupiter.api.Test;

class NetSemverUnitsRandomBuiltinsTest {

    @Test
    void cidrContainmentForAddressesAndNetworks() {
        assertThat(call("net.cidr_contains", s("10.0.0.0/8"), s("10.1.2.3"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("net.cidr_contains", s("10.0.0.0/8"), s("10.1.0.0/24"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("net.cidr_contains", s("10.0.0.0/24"), s("10.0.0.0/16")))
                .isEqualTo(BooleanValue.FALSE);
        assertThat(call("net.cidr_contains", s("2001:4860:4860::8888/32"), s("2001:4860:4860:1234::8888/40")))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("net.cidr_contains", s("10.0.0.0/8"), s("::1"))).isEqualTo(BooleanValue.FALSE);
        BuiltinException bad = error("net.cidr_contains", s("not-a-cidr"), s("192.168.1.67"));
        assertThat(bad.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(bad).hasMessage("net.cidr_contains: invalid CIDR address: not-a-cidr");
        assertThat(error("net.cidr_contains", s("192.168.1.0/28"), s("010.1.1.1"))
                        .code())
                .isEqualTo(BuiltinException.BUILTIN_ERROR);
    }

    @Test
    void cidrContainsMatchesReportsKeysOfMatchingPairs() {
        assertThat(call("net.cidr_contains_matches", s("1.1.1.0/24"), s("1.1.1.128")))
                .isEqualTo(set(arr(s("1.1.1.0/24"), s("1.1.1.128"))));
        assertThat(call(
                        "net.cidr_contains_matches",
                        set(arr(s("1.1.1.0/24"), s("foo")), s("1.1.2.0/24")),
                        json("{\"x\":\"1.1.1.128\",\"y\":[\"1.1.254.254\",\"bar\"]}")))
                .isEqualTo(set(arr(arr(s("1.1.1.0/24"), s("foo")), s("x"))));
        assertThat(call("net.cidr_contains_matches", arr(s("10.0.0.0/8"), s("192.168.0.0/16")), arr(s("192.168.1.1"))))
                .isEqualTo(set(arr(n(1), n(0))));
        assertThat(error("net.cidr_contains_matches", arr(n(1)), s("1.1.1.1")))
                .hasMessage("net.cidr_contains_matches: operand 1: element must be string or non-empty array");
        assertThat(error("net.cidr_contains", s("10.0.0.0/8"), s("nope")))
                .hasMessage("net.cidr_contains: not a valid textual representation of an IP address or CIDR: nope");
    }

    @Test
    void cidrMergeCoalescesAdjacentAndNestedNetworks() {
        assertThat(call("net.cidr_merge", arr(s("192.0.128.0/24"), s("192.0.129.0/24"))))
                .isEqualTo(set(s("192.0.128.0/23")));
        assertThat(call("net.cidr_merge", set(s("10.1.0.0/16"), s("10.0.0.0/8"), s("192.168.0.0/16"))))
                .isEqualTo(set(s("10.0.0.0/8"), s("192.168.0.0/16")));
        assertThat(call("net.cidr_merge", arr(s("10.0.0.0/24"), s("10.0.1.0/24"), s("10.0.2.0/24"))))
                .isEqualTo(set(s("10.0.0.0/23"), s("10.0.2.0/24")));
        assertThat(call("net.cidr_merge", arr(s("2001:db8::/33"), s("2001:db8:8000::/33"))))
                .isEqualTo(set(s("2001:db8::/32")));
        assertThat(call("net.cidr_merge", arr(s("192.168.1.1"))))
                .as("classful, as Go's DefaultMask")
                .isEqualTo(set(s("192.168.1.1/24")));
        assertThat(error("net.cidr_merge", arr(s("::1"))))
                .hasMessage("net.cidr_merge: IPv6 invalid: needs prefix length");
        assertThat(error("net.cidr_merge", arr(n(1)))).hasMessage("net.cidr_merge: element must be string");
    }

    @Test
    void cidrIntersectValidateExpand() {
        assertThat(call("net.cidr_intersects", s("192.168.0.0/16"), s("192.168.1.0/24")))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("net.cidr_intersects", s("192.168.0.0/24"), s("192.168.1.0/24")))
                .isEqualTo(BooleanValue.FALSE);
        assertThat(call("net.cidr_is_valid", s("fd00::/8"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("net.cidr_is_valid", s("10.0.0.0/33"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("net.cidr_is_valid", n(1))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("net.cidr_expand", s("192.168.0.1/31"))).isEqualTo(set(s("192.168.0.0"), s("192.168.0.1")));
        assertThat(call("net.cidr_expand", s("::/127"))).isEqualTo(set(s("::"), s("::1")));
        assertThat(error("net.cidr_expand", s("10.0.0.0/8")).code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    }

    @Test
    void semverComparesPrecedence() {
        assertThat(call("semver.compare", s("1.2.3"), s("1.10.0"))).isEqualTo(n(-1));
        assertThat(call("semver.compare", s("1.0.0-alpha.1"), s("1.0.0-alpha.beta")))
                .isEqualTo(n(-1));
        assertThat(call("semver.compare", s("1.0.0-rc.1"), s("1.0.0"))).isEqualTo(n(-1));
        assertThat(call("semver.compare", s("1.0.0+build.5"), s("1.0.0"))).isEqualTo(n(0));
        assertThat(call("semver.compare", s("2.0.0"), s("1.99.99"))).isEqualTo(n(1));
        assertThat(call("semver.is_valid", s("1.0.0-01"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("semver.is_valid", s("v1.0.0"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("semver.is_valid", n(1))).isEqualTo(BooleanValue.FALSE);
        assertThat(error("semver.compare", s("1.0"), s("1.0.0")))
                .hasMessage("semver.compare: operand 1: string \"1.0\" is not a valid SemVer");
    }

    @Test
    void unitsParseSiAndBinarySuffixes() {
        assertThat(call("units.parse", s("10K"))).isEqualTo(n(10_000));
        assertThat(call("units.parse", s("1.5Gi"))).isEqualTo(n(1_610_612_736L));
        assertThat(call("units.parse", s("300m"))).isEqualTo(n("0.3"));
        assertThat(call("units.parse", s("2M"))).isEqualTo(n(2_000_000));
        assertThat(call("units.parse", s("\"5k\""))).isEqualTo(n(5000));
        assertThat(error("units.parse", s("5 k"))).hasMessage("units.parse: spaces not allowed in resource strings");
        assertThat(error("units.parse", s("k"))).hasMessage("units.parse: no amount provided");
        assertThat(error("units.parse", s("5Q"))).hasMessage("units.parse: unit Q not recognized");
        assertThat(call("units.parse_bytes", s("10KB"))).isEqualTo(n(10_000));
        assertThat(call("units.parse_bytes", s("1KiB"))).isEqualTo(n(1024));
        assertThat(call("units.parse_bytes", s("2.5mib"))).isEqualTo(n(2_621_440));
        assertThat(call("units.parse_bytes", s("1.5")))
                .as("truncated to whole bytes")
                .isEqualTo(n(1));
        assertThat(error("units.parse_bytes", s("1.2.3MB")))
                .hasMessage("units.parse_bytes: could not parse byte amount to a number");
        assertThat(error("units.parse_bytes", s("12 MB")))
                .hasMessage("units.parse_bytes: spaces not allowed in resource strings");
    }

    /** Current OPA reads the amount in scientific notation; an e without exponent digits is the unit exa. */
    @Test
    void unitsReadScientificNotation() {
        assertThat(call("units.parse", s("1e3M"))).isEqualTo(n(1_000_000_000));
        assertThat(call("units.parse", s("1.5e-3"))).isEqualTo(n("0.0015"));
        assertThat(call("units.parse", s("2E2Ki"))).isEqualTo(n(204_800));
        assertThat(call("units.parse", s("1E"))).as("E alone is exa").isEqualTo(n(1_000_000_000_000_000_000L));
        assertThat(call("units.parse_bytes", s("2.5e3KB"))).isEqualTo(n(2_500_000));
        assertThat(call("units.parse_bytes", s("1e+2"))).isEqualTo(n(100));
        assertThat(call("units.parse_bytes", s("1e")))
                .as("e alone is exabytes")
                .isEqualTo(n(1_000_000_000_000_000_000L));
        assertThat(error("units.parse", s("1e1234567"))).hasMessage("units.parse: exponent too large");
        assertThat(error("units.parse_bytes", s("1e1234567KB"))).hasMessage("units.parse_bytes: exponent too large");
    }

    /** OPA's docs: version and variant always; time, node, MAC flags and clock sequence for v1/v2; id and domain for v2. */
    @Test
    void uuidParseDecodesTheFieldsOfEachVersion() {
        assertThat(call("uuid.parse", s("00000000-0000-4000-8000-000000000000")))
                .isEqualTo(json("{\"variant\":\"RFC4122\",\"version\":4}"));
        assertThat(call("uuid.parse", s("c2fc67c2-47f2-11ee-b67a-9f3619c7493f")))
                .isEqualTo(json("{\"version\":1,"
                        + "\"variant\":\"RFC4122\",\"nodeid\":\"9f-36-19-c7-49-3f\",\"macvariables\":\"local:multicast\","
                        + "\"time\":1693481847404333000,\"clocksequence\":13946}"));
        Value v2 = json(
                "{\"clocksequence\":12800,\"domain\":\"Person\",\"id\":1000,\"macvariables\":\"local:unicast\","
                        + "\"nodeid\":\"32-50-96-b3-9f-47\",\"time\":1693566990121469600,\"variant\":\"RFC4122\",\"version\":2}");
        assertThat(call("uuid.parse", s("000003e8-48b9-21ee-b200-325096b39f47")))
                .isEqualTo(v2);
        assertThat(call("uuid.parse", s("URN:UUID:000003e8-48b9-21ee-b200-325096b39f47")))
                .isEqualTo(v2);
        assertThat(call("uuid.parse", s("{00000000-0000-4000-8000-000000000000}")))
                .isEqualTo(call("uuid.parse", s("00000000000040008000000000000000")));
        assertThat(call("uuid.parse", s("00000000-0000-fcd1-f4e0-9bab06a52ece")))
                .isEqualTo(json("{\"variant\":\"Future\",\"version\":15}"));
        assertThat(call("uuid.parse", s("not-a-uuid"))).as("undefined").isNull();
        assertThat(call("uuid.parse", s("0000000g-0000-4000-8000-000000000000")))
                .isNull();
        assertThat(call("uuid.parse", s("00000000+0000-4000-8000-000000000000")))
                .isNull();
        assertThat(error("uuid.parse", n(1))).hasMessage("uuid.parse: operand 1 must be string but got number");
    }

    @Test
    void uuidIsStablePerQueryAndSeed() {
        BuiltinContext query = context();
        Value a = Calls.call(query, "uuid.rfc4122", s("k"));
        assertThat(a.toString()).matches("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
        assertThat(Calls.call(query, "uuid.rfc4122", s("k"))).isEqualTo(a);
        assertThat(Calls.call(query, "uuid.rfc4122", s("other"))).isNotEqualTo(a);
        assertThat(Calls.call(context(), "uuid.rfc4122", s("k")))
                .as("a new query draws anew")
                .isNotEqualTo(a);
    }

    @Test
    void randIntnIsStablePerQueryAndWithinBounds() {
        BuiltinContext query = context();
        Value r = Calls.call(query, "rand.intn", s("k"), n(-10));
        assertThat(((NumberValue) r).value().intValueExact()).isBetween(0, 9);
        assertThat(Calls.call(query, "rand.intn", s("k"), n(10)))
                .as("|n| is the bound and the key")
                .isEqualTo(r);
        assertThat(Calls.call(query, "rand.intn", s("k"), n(0))).isEqualTo(n(0));
        assertThat(error("rand.intn", s("k"), n("1.5")))
                .hasMessage("rand.intn: operand 2 must be integer number but got floating-point number");
    }
}
