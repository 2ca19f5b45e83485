package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.io.IOException;
import java.util.List;

/** {@code yaml.marshal unmarshal is_valid}: a document is valid only if every document in the stream parses. */
final class YamlBuiltins implements BuiltinGroup {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "yaml.marshal",
                        STR,
                        (ctx, a) -> {
                            try {
                                return StringValue.of(YAML.writeValueAsString(Values.toJson(a.get(0))));
                            } catch (JsonProcessingException e) {
                                throw BuiltinException.failed("yaml.marshal", e.getOriginalMessage());
                            }
                        },
                        ANY),
                spec(
                        "yaml.unmarshal",
                        ANY,
                        (ctx, a) -> {
                            try {
                                return firstDocument(Operands.string("yaml.unmarshal", a, 1));
                            } catch (IOException | RuntimeException e) {
                                throw BuiltinException.failed("yaml.unmarshal", GoYamlError.message(e));
                            }
                        },
                        STR),
                spec(
                        "yaml.is_valid",
                        BOOL,
                        (ctx, a) -> {
                            if (!(a.get(0) instanceof StringValue s)) return BooleanValue.FALSE;
                            try {
                                firstDocument(s.value());
                                return BooleanValue.TRUE;
                            } catch (IOException | RuntimeException e) {
                                return BooleanValue.FALSE;
                            }
                        },
                        ANY));
    }

    /** Parses the whole stream (so a broken later document is an error) and returns the first document. */
    private static Value firstDocument(String text) throws IOException {
        Value first = null;
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (first == null) first = Values.fromJson(doc);
            }
        }
        return first == null ? io.maestro.conductor.policy.rego.value.NullValue.INSTANCE : first;
    }
}
