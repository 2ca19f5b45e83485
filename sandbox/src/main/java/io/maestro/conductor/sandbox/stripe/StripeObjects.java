package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds objects with exactly the fields of Stripe's published examples ({@code fixtures3.json}): each starts from
 * a template with those fields at their empty values, and the handlers fill in what a request sets.
 */
final class StripeObjects {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final ObjectNode TEMPLATES = load();

    private StripeObjects() {}

    private static ObjectNode load() {
        try (InputStream in = StripeObjects.class.getResourceAsStream("templates.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh object of a type ({@code customer}, {@code billing.meter}, ...) with a new id and creation time. */
    static ObjectNode create(String type, String idPrefix, long created) {
        ObjectNode object = template(type);
        if (idPrefix != null) {
            object.put("id", newId(idPrefix));
        }
        if (object.has("created")) {
            object.put("created", created);
        }
        return object;
    }

    static ObjectNode template(String type) {
        JsonNode template = TEMPLATES.get(type);
        if (template == null) {
            throw new IllegalArgumentException("no template for " + type);
        }
        return template.deepCopy();
    }

    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('_');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 14; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** A form parameter tree (maps, lists, strings) as JSON. */
    static JsonNode toJson(Object params) {
        return JSON.valueToTree(params);
    }

    /** {@code metadata[...]} into the object's metadata; an empty value unsets a key, as in Stripe. */
    static void applyMetadata(ObjectNode object, Map<String, Object> metadata) {
        if (metadata == null) {
            return;
        }
        ObjectNode target = object.with("metadata");
        metadata.forEach((key, value) -> {
            if (!(value instanceof String)) {
                throw StripeApiException.invalid(
                        "parameter_invalid_string", "Invalid metadata: values must be strings", "metadata");
            }
            if (((String) value).isEmpty()) {
                target.remove(key);
            } else {
                target.put(key, (String) value);
            }
        });
    }

    static ObjectNode list(String url, List<? extends JsonNode> data, boolean hasMore) {
        ObjectNode list = JSON.createObjectNode();
        list.put("object", "list");
        ArrayNode items = list.putArray("data");
        data.forEach(items::add);
        list.put("has_more", hasMore);
        list.put("url", url);
        return list;
    }
}
