package io.maestro.conductor.adapter.config;

import java.util.Locale;

/** The value types an instance config key can have, with their JSON Schema name. */
public enum ConfigType {
    STRING("string"),
    BOOLEAN("boolean"),
    INT("integer");

    private final String jsonType;

    ConfigType(String jsonType) {
        this.jsonType = jsonType;
    }

    public String jsonType() {
        return jsonType;
    }

    /** The typed value of {@code text}, or null when it is not one (the caller names the key in its error). */
    Object parse(String text) {
        switch (this) {
            case BOOLEAN:
                String lower = text.toLowerCase(Locale.ROOT);
                return "true".equals(lower) ? Boolean.TRUE : "false".equals(lower) ? Boolean.FALSE : null;
            case INT:
                try {
                    return Integer.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            default:
                return text;
        }
    }
}
