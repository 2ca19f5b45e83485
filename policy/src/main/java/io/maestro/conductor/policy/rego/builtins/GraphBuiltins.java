package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR_SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Graphs given as {@code {node: array or set of neighbours}}, as OPA reads them:
 * {@code graph.reachable(graph, initial)} is the set of nodes reachable from the initial ones, and
 * {@code graph.reachable_paths(graph, initial)} the set of paths from each initial node to a leaf, to a node
 * outside the graph (not included) or to the point where the path would close a cycle. Only nodes that are
 * keys of the graph are reported.
 */
final class GraphBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "graph.reachable",
                        SET,
                        (ctx, a) -> {
                            ObjectValue graph = Operands.object("graph.reachable", a, 1);
                            Deque<Value> queue = new ArrayDeque<>(initial("graph.reachable", a));
                            TreeSet<Value> reached = new TreeSet<>();
                            while (!queue.isEmpty()) {
                                Value node = queue.poll();
                                if (reached.contains(node)) continue;
                                Value edges = graph.get(node);
                                if (edges == null) continue;
                                reached.add(node);
                                queue.addAll(neighbours(edges));
                            }
                            return SetValue.of(reached);
                        },
                        OBJ,
                        ARR_SET),
                spec(
                        "graph.reachable_paths",
                        SET,
                        (ctx, a) -> {
                            ObjectValue graph = Operands.object("graph.reachable_paths", a, 1);
                            TreeSet<Value> paths = new TreeSet<>();
                            for (Value node : initial("graph.reachable_paths", a)) {
                                Value edges = graph.get(node);
                                if (edges == null) continue;
                                Collection<Value> next = neighbours(edges);
                                if (next.isEmpty()) paths.add(new ArrayValue(List.of(node)));
                                for (Value neighbour : next) walk(graph, neighbour, List.of(node), paths, Set.of(node));
                            }
                            return SetValue.of(paths);
                        },
                        OBJ,
                        ARR_SET));
    }

    private static void walk(ObjectValue graph, Value node, List<Value> path, Set<Value> paths, Set<Value> reached) {
        Value edges = graph.get(node);
        if (edges == null) {
            paths.add(new ArrayValue(path));
            return;
        }
        List<Value> longer = new ArrayList<>(path);
        longer.add(node);
        Collection<Value> next = neighbours(edges);
        if (next.isEmpty()) {
            paths.add(new ArrayValue(longer));
            return;
        }
        Set<Value> seen = new TreeSet<>(reached);
        seen.add(node);
        for (Value neighbour : next) {
            if (seen.contains(neighbour)) paths.add(new ArrayValue(longer));
            else walk(graph, neighbour, longer, paths, seen);
        }
    }

    /** OPA's wording names the two kinds in this order for the graph builtins. */
    private static Collection<Value> initial(String name, List<Value> a) {
        Value v = a.get(1);
        if (v instanceof ArrayValue arr) return arr.elements();
        if (v instanceof SetValue set) return set.elements();
        throw Operands.typeError(name, 2, v, "{array, set}");
    }

    /** The neighbours of a node; an edge list that is not an array or set has none. */
    private static Collection<Value> neighbours(Value edges) {
        if (edges instanceof ArrayValue arr) return arr.elements();
        if (edges instanceof SetValue set) return set.elements();
        return List.of();
    }
}
