package io.maestro.conductor.devkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A refused manifest, adapter jar or bundle: a stable code, a one-line reason and every violation found (at most {@value #MAX_SHOWN}). */
public final class DevkitException extends RuntimeException {

    public static final int MAX_SHOWN = 50;

    private final DevkitErrorCode code;
    private final transient List<Violation> violations;

    public DevkitException(DevkitErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public DevkitException(DevkitErrorCode code, String detail, List<Violation> violations) {
        super(code + ": " + detail, null, false, false);
        this.code = code;
        this.violations = List.copyOf(violations.subList(0, Math.min(violations.size(), MAX_SHOWN)));
    }

    public DevkitErrorCode code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The error as JSON: {@code {"code":…,"detail":…,"violations":[{"pointer":…,"message":…}]}}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("code", code.name())
                .put("detail", getMessage().substring(code.name().length() + 2));
        violations.forEach(v -> json.withArray("violations")
                .addObject()
                .put("pointer", v.pointer())
                .put("message", v.message()));
        return json;
    }
}
