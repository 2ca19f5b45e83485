package io.maestro.conductor.policy.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads simulation suites: every {@code *.yaml} / {@code *.yml} under a directory (YAML, so neither OPA's bundle
 * loader nor {@code policy test} mistakes a suite for base data). A file holds
 * <pre>
 * path: governance/lifecycle/decision   # optional, this is the default
 * defaults: {...}                       # merged (deeply) under every scenario's input
 * scenarios:
 *   - name: ...
 *     input: {...}
 *     expect: {allow: false, code: LIFECYCLE_DENIED, reasons: [...], requires_approval: false}
 * </pre>
 */
public final class ScenarioFiles {
    public static final String DEFAULT_PATH = "governance/lifecycle/decision";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScenarioFiles() {}

    /** @throws IllegalArgumentException naming the file and scenario when one is malformed */
    public static List<Scenario> load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files) {
            String suite = dir.relativize(file).toString().replace('\\', '/');
            scenarios.addAll(parse(suite, YAML.readTree(file.toFile())));
        }
        return scenarios;
    }

    static List<Scenario> parse(String suite, JsonNode doc) {
        if (doc == null || !doc.path("scenarios").isArray()) {
            throw new IllegalArgumentException(suite + ": a suite needs a list of scenarios");
        }
        String path = doc.path("path").asText(DEFAULT_PATH);
        JsonNode defaults = doc.path("defaults").isObject() ? doc.get("defaults") : YAML.createObjectNode();
        List<Scenario> out = new ArrayList<>();
        for (JsonNode s : doc.get("scenarios")) {
            String name = s.path("name").asText("");
            JsonNode expect = s.path("expect");
            if (name.isBlank()
                    || !s.path("input").isObject()
                    || !expect.path("allow").isBoolean()
                    || !expect.path("reasons").isArray()) {
                throw new IllegalArgumentException(suite + ": scenario '" + name
                        + "' needs a name, an input object and expect.allow and expect.reasons");
            }
            List<String> reasons = new ArrayList<>();
            expect.get("reasons").forEach(r -> reasons.add(r.asText()));
            Boolean approval = expect.path("requires_approval").isBoolean()
                    ? expect.get("requires_approval").asBoolean()
                    : null;
            String code = expect.path("code").isTextual() ? expect.get("code").asText() : null;
            out.add(new Scenario(
                    suite,
                    name,
                    path,
                    merge(defaults.deepCopy(), s.get("input")),
                    new Scenario.Expected(expect.get("allow").asBoolean(), code, reasons, approval)));
        }
        return out;
    }

    private static JsonNode merge(JsonNode base, JsonNode over) {
        if (!(base instanceof ObjectNode target) || !over.isObject()) return over.deepCopy();
        over.properties().forEach(field -> {
            JsonNode existing = target.get(field.getKey());
            target.set(
                    field.getKey(), existing == null ? field.getValue().deepCopy() : merge(existing, field.getValue()));
        });
        return target;
    }
}
