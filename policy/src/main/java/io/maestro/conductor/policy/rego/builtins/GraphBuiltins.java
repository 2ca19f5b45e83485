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
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code graph.reachable(graph, initial)}: the nodes reachable from the initial ones in a graph
 * given as {@code {node: array or set of neighbours}}; as in OPA, only nodes that are keys of the
 * graph are reported.
 */
final class GraphBuiltins implements BuiltinGroup {

  @Override
  public List<BuiltinSpec> specs() {
    return List.of(spec("graph.reachable", SET, (ctx, a) -> {
      ObjectValue graph = Operands.object("graph.reachable", a, 1);
      Deque<Value> queue = new ArrayDeque<>(Operands.arrayOrSet("graph.reachable", a, 2));
      TreeSet<Value> reached = new TreeSet<>();
      while (!queue.isEmpty()) {
        Value node = queue.poll();
        if (reached.contains(node)) continue;
        Value edges = graph.get(node);
        if (edges == null) continue;
        reached.add(node);
        if (edges instanceof ArrayValue arr) queue.addAll(arr.elements());
        else if (edges instanceof SetValue set) queue.addAll(set.elements());
      }
      return SetValue.of(reached);
    }, OBJ, ARR_SET));
  }
}
