package io.maestro.conductor.policy.rego;

import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers so tests read as Rego and JSON. */
final class Rego {
    private Rego() {}

    static RegoEngine engine(String... modules) {
        return engineWithData("{}", modules);
    }

    static RegoEngine engineWithData(String dataJson, String... modules) {
        List<RegoModule> list = new ArrayList<>();
        for (int i = 0; i < modules.length; i++) list.add(new RegoModule("m" + i + ".rego", modules[i]));
        return RegoEngine.compile(list, dataJson == null ? ObjectValue.EMPTY : Values.fromJson(dataJson));
    }

    static Value json(String json) {
        return Values.fromJson(json);
    }

    /** The value at a data path as JSON text, or "undefined". */
    static String eval(RegoEngine engine, String path, String inputJson) {
        Optional<Value> v = engine.evaluate(path, inputJson == null ? null : json(inputJson), QueryOptions.defaults());
        return v.map(Values::toJsonString).orElse("undefined");
    }

    static String eval(RegoEngine engine, String path) {
        return eval(engine, path, null);
    }
}
