package io.maestro.conductor.adapter.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule on one config value that the parser checks and the JSON Schema states, so the registry refuses at install
 * what the adapter would refuse at its first call. The {@code pattern}, {@code range}, {@code maxLength} and
 * {@code oneOf} factories cover what JSON Schema can say.
 */
public interface ConfigValidator {

    /** @return why {@code value} (already of the key's type) is refused, or null when it is fine */
    String problem(Object value);

    /** Adds this rule's keywords to the key's schema property. */
    void describe(ObjectNode property);

    /** The rule in words, for the generated docs. */
    String doc();

    static ConfigValidator pattern(String regex, String meaning) {
        Pattern compiled = Pattern.compile(regex);
        return new ConfigValidator() {
            @Override
            public String problem(Object value) {
                return compiled.matcher((String) value).matches() ? null : "must be " + meaning;
            }

            @Override
            public void describe(ObjectNode property) {
                property.put("pattern", "^" + regex + "$");
            }

            @Override
            public String doc() {
                return meaning;
            }
        };
    }

    static ConfigValidator range(int min, int max) {
        return new ConfigValidator() {
            @Override
            public String problem(Object value) {
                int number = (Integer) value;
                return number >= min && number <= max ? null : "must be " + doc();
            }

            @Override
            public void describe(ObjectNode property) {
                property.put("minimum", min).put("maximum", max);
            }

            @Override
            public String doc() {
                return min + ".." + max;
            }
        };
    }

    static ConfigValidator maxLength(int max) {
        return new ConfigValidator() {
            @Override
            public String problem(Object value) {
                return ((String) value).length() <= max ? null : "must be " + doc();
            }

            @Override
            public void describe(ObjectNode property) {
                property.put("maxLength", max);
            }

            @Override
            public String doc() {
                return "at most " + max + " characters";
            }
        };
    }

    static ConfigValidator oneOf(String... values) {
        List<String> allowed = List.of(values);
        return new ConfigValidator() {
            @Override
            public String problem(Object value) {
                return allowed.contains(value) ? null : "must be " + doc();
            }

            @Override
            public void describe(ObjectNode property) {
                allowed.forEach(property.putArray("enum")::add);
            }

            @Override
            public String doc() {
                return "one of " + String.join(", ", allowed);
            }
        };
    }
}
