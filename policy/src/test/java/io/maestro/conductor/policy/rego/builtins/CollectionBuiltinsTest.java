package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.json;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static io.maestro.conductor.policy.rego.builtins.Calls.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.Value;
import org.junit.jupiter.api.Test;

/** Aggregates, arrays and sets. */
class CollectionBuiltinsTest {

    @Test
    void countMeasuresCollectionsAndRunes() {
        assertThat(call("count", arr(n(1), n(2)))).isEqualTo(n(2));
        assertThat(call("count", s("aåäö"))).isEqualTo(n(4));
        assertThat(call("count", json("{\"a\":1}"))).isEqualTo(n(1));
        assertThat(error("count", n(1)))
                .hasMessage("count: operand 1 must be one of {array, object, set, string} but got number");
    }

    @Test
    void sumAndProductAreExactAndCheckElements() {
        assertThat(call("sum", set(n(Long.MAX_VALUE), n(1), n(2)))).hasToString("9223372036854775810");
        assertThat(call("sum", arr(n("1.5"), n("2.5")))).isEqualTo(n(4));
        assertThat(call("product", arr(n("18446744073709551617"), n(2)))).hasToString("36893488147419103234");
        assertThat(call("product", arr())).isEqualTo(n(1));
        BuiltinException e = error("sum", arr(n(1), s("2")));
        assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
        assertThat(e).hasMessage("sum: operand 1 must be array of numbers but got array containing string");
    }

    @Test
    void maxMinAndSortUseTheValueOrder() {
        assertThat(call("max", arr(n(3), n(10), n(-7)))).isEqualTo(n(10));
        assertThat(call("min", set(n(3), n(-7)))).isEqualTo(n(-7));
        assertThat(call("max", arr())).as("max of nothing is undefined").isNull();
        assertThat(call("sort", set(s("b"), n(2), s("a")))).isEqualTo(arr(n(2), s("a"), s("b")));
        assertThat(call("any", arr(BooleanValue.FALSE, BooleanValue.TRUE))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("all", arr())).isEqualTo(BooleanValue.TRUE);
        assertThat(error("max", s("x"))).hasMessage("max: operand 1 must be one of {set, array} but got string");
        assertThat(error("any", s("x"))).hasMessage("any: operand 1 must be one of {array, set} but got string");
    }

    @Test
    void arrayBuiltinsSliceConcatReverseFlatten() {
        assertThat(call("array.concat", arr(n(1)), arr(n(2)))).isEqualTo(arr(n(1), n(2)));
        assertThat(error("array.concat", arr(), ObjectValue.EMPTY))
                .hasMessage("array.concat: operand 2 must be array but got object");
        assertThat(call("array.slice", arr(n(1), n(2), n(3), n(4), n(5)), n(1), n(3)))
                .isEqualTo(arr(n(2), n(3)));
        assertThat(call("array.slice", arr(n(1), n(2)), n(-5), n(50))).isEqualTo(arr(n(1), n(2)));
        assertThat(call("array.slice", arr(n(1), n(2)), n(2), n(1))).isEqualTo(arr());
        assertThat(call("array.reverse", arr(n(1), n(2)))).isEqualTo(arr(n(2), n(1)));
        assertThat(call("array.flatten", json("[[1,[2]],3]"))).isEqualTo(json("[1,[2],3]"));
        assertThat(error("array.flatten", n(42))).hasMessage("array.flatten: operand 1 must be array but got number");
    }

    @Test
    void graphReachableFollowsEdgesFromKnownNodes() {
        Value graph = json("{\"a\":[\"b\"],\"b\":[\"c\",\"a\"],\"c\":[],\"d\":[\"a\"]}");
        assertThat(call("graph.reachable", graph, arr(s("a")))).isEqualTo(set(s("a"), s("b"), s("c")));
        assertThat(call("graph.reachable", graph, set(s("d"), s("zz")))).isEqualTo(set(s("a"), s("b"), s("c"), s("d")));
        assertThat(call("graph.reachable", graph, arr())).isEqualTo(set());
    }

    /** OPA's docs: every path from an initial node to a leaf, to an unknown node (left out) or to a cycle. */
    @Test
    void graphReachablePathsListsEveryPathFromTheInitialNodes() {
        Value diamond = json("{\"a\":[\"b\",\"c\"],\"b\":[\"c\"],\"c\":[]}");
        assertThat(call("graph.reachable_paths", diamond, set(s("a"))))
                .isEqualTo(set(arr(s("a"), s("b"), s("c")), arr(s("a"), s("c"))));
        Value cycle = json("{\"a\":[\"b\"],\"b\":[\"c\"],\"c\":[\"a\"]}");
        assertThat(call("graph.reachable_paths", cycle, arr(s("a")))).isEqualTo(set(arr(s("a"), s("b"), s("c"))));
        Value dangling = json("{\"a\":[\"b\"],\"b\":[\"nowhere\"],\"c\":null}");
        assertThat(call("graph.reachable_paths", dangling, set(s("a"), s("b"), s("c"), s("zz"))))
                .isEqualTo(set(arr(s("a"), s("b")), arr(s("b")), arr(s("c"))));
        Value shared = json("{\"1\":[],\"2\":[\"1\"],\"3\":[\"2\"],\"4\":[\"3\",\"2\"]}");
        assertThat(call("graph.reachable_paths", shared, arr(s("4"))))
                .as("a node reached twice on different paths is walked on each")
                .isEqualTo(set(arr(s("4"), s("3"), s("2"), s("1")), arr(s("4"), s("2"), s("1"))));
        assertThat(call("graph.reachable_paths", json("{}"), set(s("a")))).isEqualTo(set());
        assertThat(error("graph.reachable_paths", json("{}"), s("a")))
                .hasMessage("graph.reachable_paths: operand 2 must be {array, set} but got string");
        assertThat(error("graph.reachable_paths", n(1), arr()).code()).isEqualTo(BuiltinException.TYPE_ERROR);
    }

    @Test
    void setOperatorsAndSetsOfSets() {
        assertThat(call("and", set(n(1), n(2)), set(n(2), n(3)))).isEqualTo(set(n(2)));
        assertThat(call("or", set(n(1)), set(n(2)))).isEqualTo(set(n(1), n(2)));
        assertThat(call("intersection", set(set(n(1), n(2)), set(n(2), n(3))))).isEqualTo(set(n(2)));
        assertThat(call("union", set(set(n(1)), set(n(3))))).isEqualTo(set(n(1), n(3)));
        assertThat(call("intersection", set())).isEqualTo(set());
        assertThat(error("union", set(n(1))))
                .hasMessage("union: operand 1 must be set of sets but got set containing number");
    }
}
