package io.maestro.conductor.policy.pdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Masks fields whose names look secret, as OPA's decision-log {@code mask} policy would with an
 * {@code upsert}: the field stays (so the log still shows it was sent) and its value becomes
 * {@value #REDACTED}. Names are compared case-insensitively with {@code _} and {@code -} ignored, so
 * {@code apiKey}, {@code api_key} and {@code API-KEY} are all caught; a name that merely contains a marker
 * (e.g. {@code refreshToken}, {@code dbPassword}) is masked too.
 */
final class SecretMask {
  static final String REDACTED = "**REDACTED**";

  private static final List<String> MARKERS = List.of("password", "passwd", "secret", "token", "apikey",
      "credential", "authorization", "privatekey", "accesskey", "cookie", "signature");

  private SecretMask() {}

  /** A masked deep copy; the argument is left untouched. */
  static JsonNode mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = object.objectNode();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        out.set(field.getKey(), looksSecret(field.getKey()) ? TextNode.valueOf(REDACTED) : mask(field.getValue()));
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = array.arrayNode();
      array.forEach(item -> out.add(mask(item)));
      return out;
    }
    return node;
  }

  static boolean looksSecret(String fieldName) {
    String name = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (String marker : MARKERS) {
      if (name.contains(marker)) return true;
    }
    return false;
  }
}
