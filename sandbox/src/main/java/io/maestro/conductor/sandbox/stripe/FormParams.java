package io.maestro.conductor.sandbox.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Stripe's form encoding ({@code application/x-www-form-urlencoded} bodies and query strings) with its
 * bracket notation: {@code metadata[plan]=pro} is a nested map, {@code items[0][price]=p} and
 * {@code expand[]=x} are lists. Values are maps, lists or strings.
 */
final class FormParams {

    private FormParams() {}

    static Map<String, Object> parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(root, segments(name), value);
        }
        return listify(root);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static List<String> segments(String name) {
        List<String> segments = new ArrayList<>();
        int open = name.indexOf('[');
        if (open < 0 || !name.endsWith("]")) {
            segments.add(name);
            return segments;
        }
        segments.add(name.substring(0, open));
        for (String inner : name.substring(open + 1, name.length() - 1).split("\\]\\[", -1)) {
            segments.add(inner);
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> segments, String value) {
        Map<String, Object> current = root;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.isEmpty()) {
                // "a[]" appends: the next free index of this level
                segment = Integer.toString(current.size());
            }
            if (i == segments.size() - 1) {
                current.put(segment, value);
            } else {
                Object child = current.computeIfAbsent(segment, key -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw StripeApiException.invalid(
                            "parameter_invalid_string",
                            "Invalid object: " + segments.get(0) + " is given both as a value and as a hash.",
                            segments.get(0));
                }
                current = (Map<String, Object>) child;
            }
        }
    }

    /** Maps whose keys are all 0..n-1 become lists, as Stripe reads {@code a[0]=x&a[1]=y}. */
    @SuppressWarnings("unchecked")
    private static <T> T listify(Map<String, Object> map) {
        map.replaceAll((key, value) -> value instanceof Map ? listify((Map<String, Object>) value) : value);
        if (map.isEmpty() || !indexed(map)) {
            return (T) map;
        }
        List<Object> items = new ArrayList<>(map.size());
        for (int index = 0; index < map.size(); index++) {
            items.add(map.get(Integer.toString(index)));
        }
        return (T) items;
    }

    private static boolean indexed(Map<String, Object> map) {
        for (int index = 0; index < map.size(); index++) {
            if (!map.containsKey(Integer.toString(index))) {
                return false;
            }
        }
        return true;
    }
}
