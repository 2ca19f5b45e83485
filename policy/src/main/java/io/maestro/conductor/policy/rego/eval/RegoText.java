package io.maestro.conductor.policy.rego.eval;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.util.Iterator;
import java.util.Map;

/** Values written as Rego terms, the way OPA's {@code print} shows them: {@code {"a": [1, 2]}}, {@code {1, 2}}, {@code set()}. */
final class RegoText {
  private RegoText() {}

  static String of(Value v) {
    StringBuilder out = new StringBuilder();
    write(v, out);
    return out.toString();
  }

  private static void write(Value v, StringBuilder out) {
    if (v instanceof ArrayValue a) {
      out.append('[');
      join(a.elements().iterator(), out);
      out.append(']');
    } else if (v instanceof SetValue s) {
      if (s.size() == 0) {
        out.append("set()");
        return;
      }
      out.append('{');
      join(s.elements().iterator(), out);
      out.append('}');
    } else if (v instanceof ObjectValue o) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        if (!first) out.append(", ");
        first = false;
        write(e.getKey(), out);
        out.append(": ");
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (v instanceof StringValue) {
      out.append(Values.toJsonString(v));
    } else {
      out.append(v);
    }
  }

  private static void join(Iterator<Value> items, StringBuilder out) {
    while (items.hasNext()) {
      write(items.next(), out);
      if (items.hasNext()) out.append(", ");
    }
  }
}
