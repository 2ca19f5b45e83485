package io.maestro.conductor.registry.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoint URIs of a Camel YAML DSL document: values of {@code from}, {@code to}, {@code toD},
 * {@code wireTap}, {@code enrich}, {@code pollEnrich} and {@code uri} keys, with a sibling
 * {@code parameters} map folded into the query string.
 */
public final class RouteEndpoints {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ENDPOINT_KEYS = Set.of("from", "to", "toD", "wireTap", "enrich", "pollEnrich", "uri");

    private RouteEndpoints() {
    }

    public static List<String> of(String routeYaml) {
        JsonNode root;
        try {
            root = YAML.readTree(routeYaml);
        } catch (JsonProcessingException e) {
            throw new RegistryException(ErrorCode.WORKFLOW_INVALID, "workflow is not valid YAML: "
                    + e.getOriginalMessage());
        }
        List<String> uris = new ArrayList<>();
        if (root != null) {
            collect(root, uris);
        }
        return uris;
    }

    private static void collect(JsonNode node, List<String> uris) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, uris));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (ENDPOINT_KEYS.contains(field.getKey()) && value.isTextual()) {
                uris.add(withParameters(value.asText(), node.path("parameters")));
            } else {
                collect(value, uris);
            }
        }
    }

    private static String withParameters(String uri, JsonNode parameters) {
        if (!parameters.isObject() || parameters.isEmpty()) {
            return uri;
        }
        StringBuilder full = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        Iterator<Map.Entry<String, JsonNode>> entries = parameters.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            full.append(separator).append(entry.getKey()).append('=').append(entry.getValue().asText());
            separator = '&';
        }
        return full.toString();
    }
}
