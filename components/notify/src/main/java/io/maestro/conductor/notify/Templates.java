package io.maestro.conductor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.adapter.AdapterException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's e-mail templates, from its instance's {@code templates} config: {@code {"<name>": {"subject": "...",
 * "text": "..."}}} with {@code {{variable}}} placeholders. Deliberately logic-free (no expressions, no includes, no
 * code): a tenant's template can only place the caller's values, never run anything in the hub.
 */
final class Templates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]{1,100})\\s*}}");

    record Template(String subject, String text) {}

    private final Map<String, Template> byName;

    private Templates(Map<String, Template> byName) {
        this.byName = Map.copyOf(byName);
    }

    static Templates parse(String json) {
        if (json == null || json.isBlank()) {
            return new Templates(Map.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("templates is not JSON");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("templates must be a JSON object of name -> {subject, text}");
        }
        Map<String, Template> byName = new HashMap<>();
        root.fields().forEachRemaining(entry -> {
            JsonNode subject = entry.getValue().path("subject");
            JsonNode text = entry.getValue().path("text");
            if (!subject.isTextual() || !text.isTextual()) {
                throw new IllegalArgumentException("template '" + entry.getKey() + "' needs a subject and a text");
            }
            byName.put(entry.getKey(), new Template(subject.asText(), text.asText()));
        });
        return new Templates(byName);
    }

    /** The template rendered with {@code variables}; an unknown template or a missing variable is the caller's fault. */
    Template render(String name, Map<String, Object> variables, String instanceId) {
        Template template = byName.get(name);
        if (template == null) {
            throw new AdapterException(
                    NotifyErrorCode.NOTIFY_REQUEST_INVALID, instanceId, "no template '" + name + "' for this tenant");
        }
        String subject = fill(template.subject(), variables, instanceId);
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            // A line break in a header would let a value add headers (Bcc:) to the mail.
            throw new AdapterException(
                    NotifyErrorCode.NOTIFY_REQUEST_INVALID, instanceId, "the rendered subject holds a line break");
        }
        return new Template(subject, fill(template.text(), variables, instanceId));
    }

    private static String fill(String text, Map<String, Object> variables, String instanceId) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            Object value = variables.get(placeholder.group(1));
            if (value == null) {
                throw new AdapterException(
                        NotifyErrorCode.NOTIFY_REQUEST_INVALID,
                        instanceId,
                        "the template needs variable '" + placeholder.group(1) + "'");
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
