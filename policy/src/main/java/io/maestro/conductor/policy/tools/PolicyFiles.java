package io.maestro.conductor.policy.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads policy files the way {@code opa} does for {@code -d}: every {@code *.rego} is a module, every
 * {@code *.json} is base data placed at its directory's path (a {@code data.json} in {@code a/b/} lands
 * at {@code data.a.b}), merged with the others.
 */
final class PolicyFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<RegoModule> modules = new ArrayList<>();
    private Value data = ObjectValue.EMPTY;

    private PolicyFiles() {}

    static PolicyFiles load(List<Path> roots) throws IOException {
        PolicyFiles out = new PolicyFiles();
        for (Path root : roots) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".rego")) {
                    out.modules.add(new RegoModule(
                            root.relativize(f).toString().isEmpty()
                                    ? name
                                    : root.relativize(f).toString(),
                            Files.readString(f, StandardCharsets.UTF_8)));
                } else if (name.endsWith(".json")) {
                    Path dir = Files.isDirectory(root) ? root.relativize(f).getParent() : null;
                    out.merge(dir, Values.fromJson(JSON.readTree(f.toFile())));
                }
            }
        }
        return out;
    }

    Value data() {
        return data;
    }

    private void merge(Path dir, Value value) {
        Value placed = value;
        if (dir != null) {
            for (int i = dir.getNameCount() - 1; i >= 0; i--) {
                placed = ObjectValue.of(Map.of(StringValue.of(dir.getName(i).toString()), placed));
            }
        }
        data = deepMerge(data, placed);
    }

    private static Value deepMerge(Value a, Value b) {
        if (!(a instanceof ObjectValue x) || !(b instanceof ObjectValue y)) {
            throw new RegoException(RegoException.COMPILE_ERROR, "data files conflict: " + a + " and " + b, null, 0, 0);
        }
        Map<Value, Value> out = new TreeMap<>(x.entries());
        y.entries().forEach((k, v) -> out.merge(k, v, PolicyFiles::deepMerge));
        return ObjectValue.of(out);
    }
}
