package io.maestro.conductor.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} in the string values of an adapter config in a tenant file, replaced
 * by the value of variable {@code NAME} (the process environment, or what the hub adds, e.g. the demo's S3
 * endpoint). The config is stored as resolved, so it validates and receipts like any other, and a value that stays
 * the same loads without a change.
 */
public final class ConfigVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private ConfigVariables() {}

    public static JsonNode resolve(JsonNode config, Function<String, String> variables, String where) {
        if (config.isTextual()) {
            return TextNode.valueOf(resolveText(config.asText(), variables, where));
        }
        if (config.isObject()) {
            ObjectNode resolved = ((ObjectNode) config).objectNode();
            config.fields()
                    .forEachRemaining(
                            field -> resolved.set(field.getKey(), resolve(field.getValue(), variables, where)));
            return resolved;
        }
        if (config.isArray()) {
            ArrayNode resolved = ((ArrayNode) config).arrayNode();
            config.forEach(item -> resolved.add(resolve(item, variables, where)));
            return resolved;
        }
        return config;
    }

    private static String resolveText(String text, Function<String, String> variables, String where) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = variables.apply(name);
            if (value == null) {
                value = placeholder.group(2);
            }
            if (value == null) {
                throw ConfigYaml.invalid(
                        where,
                        "variable " + name + " is not set and ${" + name + "} has no default (write ${" + name
                                + ":-default})");
            }
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }
}
