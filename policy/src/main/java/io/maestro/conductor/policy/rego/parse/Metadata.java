package io.maestro.conductor.policy.rego.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Annotation;
import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code # METADATA} blocks, as OPA reads them: a comment in column 1 whose text starts with
 * {@code METADATA} opens a block; the comments on the following lines, each in column 1, up to a gap, another
 * {@code METADATA} comment or a comment elsewhere on its line, are YAML (one leading space of each removed).
 * A block applies to the first package, import or rule after its first line; without a {@code scope} it is
 * {@code package} before the package and {@code rule} (or {@code document} with {@code entrypoint: true})
 * before a rule. Bad YAML, bad field types and scopes that do not fit their statement are parse errors.
 */
final class Metadata {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A statement an annotation can apply to: the package (kind 0), an import (1) or a rule (2, with its index). */
    record Statement(int line, int kind, int ruleIndex) {}

    private final String file;
    private final List<RegoError> errors = new ArrayList<>();

    private Metadata(String file) {
        this.file = file;
    }

    static boolean any(List<Lexer.Comment> comments) {
        for (Lexer.Comment c : comments) if (opens(c)) return true;
        return false;
    }

    /** The module's annotations, in source order; throws every block's error together. */
    static List<Annotation> annotations(String file, List<Lexer.Comment> comments, List<Statement> statements) {
        Metadata m = new Metadata(file);
        List<Annotation> out = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            if (!opens(comments.get(i))) continue;
            Lexer.Comment head = comments.get(i);
            List<Lexer.Comment> block = new ArrayList<>();
            while (i + 1 < comments.size() && continues(comments.get(i + 1), comments.get(i)))
                block.add(comments.get(++i));
            Annotation a = m.block(head, block, statements);
            if (a != null) out.add(a);
        }
        if (!m.errors.isEmpty()) throw new RegoException(m.errors);
        return out;
    }

    private static boolean opens(Lexer.Comment c) {
        return c.col() == 1 && c.text().strip().startsWith("METADATA");
    }

    private static boolean continues(Lexer.Comment c, Lexer.Comment previous) {
        return c.col() == 1 && c.line() == previous.line() + 1 && !opens(c);
    }

    private Annotation block(Lexer.Comment head, List<Lexer.Comment> block, List<Statement> statements) {
        StringBuilder yaml = new StringBuilder();
        for (Lexer.Comment c : block) {
            String text = c.text();
            yaml.append(text.startsWith(" ") ? text.substring(1) : text).append('\n');
        }
        Loc at = new Loc(file, head.line(), head.col());
        if (yaml.toString().isBlank()) return fail(at, "expected METADATA block, found whitespace");
        JsonNode raw;
        try {
            raw = YAML.readTree(yaml.toString());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            Loc where = at;
            if (line >= 1 && !block.isEmpty()) {
                Lexer.Comment c = block.get(Math.min(line, block.size()) - 1);
                where = new Loc(file, c.line(), c.col());
            }
            String why =
                    String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("invalid YAML");
            return fail(where, "yaml: " + (line >= 1 ? "line " + line + ": " : "") + why);
        } catch (RuntimeException e) {
            return fail(at, "yaml: " + e.getMessage());
        }
        if (raw != null && !raw.isNull() && !raw.isMissingNode() && !raw.isObject()) {
            return fail(
                    at, "yaml: unmarshal errors:\n  line 1: cannot unmarshal " + yamlKind(raw) + " into annotations");
        }
        try {
            return annotation(raw, at, statements);
        } catch (Bad e) {
            return fail(at, e.getMessage());
        }
    }

    private Annotation annotation(JsonNode raw, Loc at, List<Statement> statements) {
        Map<Value, Value> out = new TreeMap<>();
        String scope = string(raw, "scope");
        String title = string(raw, "title");
        String description = string(raw, "description");
        boolean entrypoint = bool(raw, "entrypoint");
        List<Value> organizations = new ArrayList<>();
        for (JsonNode o : sequence(raw, "organizations", "[]string")) {
            if (o.isContainerNode()) throw new Bad(unmarshal(o, "string"));
            organizations.add(StringValue.of(o.isNull() ? "" : o.asText()));
        }
        List<Value> related = new ArrayList<>();
        for (JsonNode r : sequence(raw, "related_resources", "[]interface {}")) related.add(relatedResource(r));
        List<Value> authors = new ArrayList<>();
        for (JsonNode a : sequence(raw, "authors", "[]interface {}")) authors.add(author(a));
        List<Value> schemas = new ArrayList<>();
        for (JsonNode s : sequence(raw, "schemas", "[]map[string]interface {}")) schemas.add(schema(s));
        JsonNode custom = raw == null ? null : raw.get("custom");
        if (custom != null && !custom.isNull() && !custom.isObject())
            throw new Bad(unmarshal(custom, "map[string]interface {}"));

        Statement target = null;
        for (Statement s : statements) {
            if (s.line() > at.line()) {
                target = s;
                break;
            }
        }
        if (scope.isEmpty() && target != null) {
            scope = switch (target.kind()) {
                case 0 -> Annotation.PACKAGE;
                case 1 -> "import";
                default -> entrypoint ? Annotation.DOCUMENT : Annotation.RULE;
            };
        }
        String have = target == null
                ? ""
                : " (have " + (target.kind() == 0 ? "package" : target.kind() == 1 ? "import" : "rule") + ")";
        switch (scope) {
            case Annotation.RULE, Annotation.DOCUMENT -> {
                if (target == null || target.kind() != 2)
                    return fail(at, "annotation scope '" + scope + "' must be applied to rule" + have);
            }
            case Annotation.PACKAGE, Annotation.SUBPACKAGES -> {
                if (target == null || target.kind() != 0)
                    return fail(at, "annotation scope '" + scope + "' must be applied to package" + have);
            }
            default -> {
                return fail(
                        at,
                        "invalid annotation scope '" + scope + "'. Use one of '" + Annotation.RULE + "', '"
                                + Annotation.DOCUMENT + "', '" + Annotation.PACKAGE + "', or '" + Annotation.SUBPACKAGES
                                + "'");
            }
        }
        if (entrypoint && !scope.equals(Annotation.DOCUMENT) && !scope.equals(Annotation.PACKAGE)) {
            return fail(at, "annotation entrypoint applied to non-document or package scope '" + scope + "'");
        }

        out.put(StringValue.of("scope"), StringValue.of(scope));
        if (!title.isEmpty()) out.put(StringValue.of("title"), StringValue.of(title));
        if (!description.isEmpty()) out.put(StringValue.of("description"), StringValue.of(description));
        if (entrypoint) out.put(StringValue.of("entrypoint"), BooleanValue.TRUE);
        if (!organizations.isEmpty()) out.put(StringValue.of("organizations"), new ArrayValue(organizations));
        if (!related.isEmpty()) out.put(StringValue.of("related_resources"), new ArrayValue(related));
        if (!authors.isEmpty()) out.put(StringValue.of("authors"), new ArrayValue(authors));
        if (!schemas.isEmpty()) out.put(StringValue.of("schemas"), new ArrayValue(schemas));
        if (custom != null && custom.isObject() && custom.size() > 0)
            out.put(StringValue.of("custom"), Values.fromJson(custom));
        return new Annotation(scope, ObjectValue.of(out), at, target.kind() == 2 ? target.ruleIndex() : -1);
    }

    /** A string or {@code {ref, description}}; the reference must not be empty. */
    private static Value relatedResource(JsonNode r) {
        Map<Value, Value> out = new TreeMap<>();
        if (r.isTextual()) {
            if (r.textValue().isEmpty())
                throw new Bad("invalid related-resource definition : ref URL may not be empty string");
            out.put(StringValue.of("ref"), StringValue.of(r.textValue()));
            return ObjectValue.of(out);
        }
        if (r.isObject()) {
            String ref = text(r.get("ref")).strip();
            String description = text(r.get("description")).strip();
            if (ref.isEmpty())
                throw new Bad("invalid related-resource definition " + goText(r) + ": 'ref' value required in object");
            out.put(StringValue.of("ref"), StringValue.of(ref));
            if (!description.isEmpty()) out.put(StringValue.of("description"), StringValue.of(description));
            return ObjectValue.of(out);
        }
        throw new Bad(
                "invalid related-resource definition " + goText(r) + ": invalid value type, must be string or map");
    }

    /** {@code "Name <email>"} (the email only when the last word is in angle brackets) or {@code {name, email}}. */
    private static Value author(JsonNode a) {
        String name;
        String email = "";
        if (a.isTextual()) {
            String[] words = a.textValue().strip().split("\\s+");
            if (a.textValue().isBlank())
                throw new Bad("invalid author definition " + a.textValue() + ": author is an empty string");
            int n = words.length;
            String last = words[n - 1];
            if (last.length() >= 2 && last.startsWith("<") && last.endsWith(">")) {
                email = last.substring(1, last.length() - 1);
                n--;
            }
            name = String.join(" ", java.util.Arrays.asList(words).subList(0, n));
        } else if (a.isObject()) {
            name = text(a.get("name")).strip();
            email = text(a.get("email")).strip();
            if (name.isEmpty() && email.isEmpty()) {
                throw new Bad(
                        "invalid author definition " + goText(a) + ": 'name' and/or 'email' values required in object");
            }
        } else {
            throw new Bad("invalid author definition " + goText(a) + ": invalid value type, must be string or map");
        }
        Map<Value, Value> out = new TreeMap<>();
        if (!name.isEmpty()) out.put(StringValue.of("name"), StringValue.of(name));
        if (!email.isEmpty()) out.put(StringValue.of("email"), StringValue.of(email));
        return ObjectValue.of(out);
    }

    /** {@code - input.x: schema.y} or {@code - input.x: {definition}}; paths as arrays of their names. */
    private static Value schema(JsonNode s) {
        if (!s.isObject()) throw new Bad(unmarshal(s, "map[string]interface {}"));
        Iterator<Map.Entry<String, JsonNode>> fields = s.fields();
        String key = "";
        JsonNode value = null;
        if (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            key = f.getKey();
            value = f.getValue();
        }
        List<Value> path = dotted(key);
        if (path == null) throw new Bad("invalid document reference");
        Map<Value, Value> out = new TreeMap<>();
        out.put(StringValue.of("path"), new ArrayValue(path));
        if (value != null && value.isTextual()) {
            List<Value> schema = dotted(value.textValue());
            if (schema == null || !schema.get(0).equals(StringValue.of("schema")))
                throw new Bad("invalid schema reference");
            out.put(StringValue.of("schema"), new ArrayValue(schema));
        } else if (value != null && value.isObject()) {
            out.put(StringValue.of("definition"), Values.fromJson(value));
        } else {
            throw new Bad("invalid schema declaration for path \"" + key + "\"");
        }
        return ObjectValue.of(out);
    }

    /** A simple reference {@code a.b.c} as its names, or null when it is not one. */
    private static List<Value> dotted(String ref) {
        List<Value> out = new ArrayList<>();
        for (String part : ref.strip().split("\\.", -1)) {
            if (!part.matches("[A-Za-z_][A-Za-z0-9_]*")) return null;
            out.add(StringValue.of(part));
        }
        return out;
    }

    private static String string(JsonNode raw, String key) {
        JsonNode n = raw == null ? null : raw.get(key);
        if (n == null || n.isNull()) return "";
        if (n.isContainerNode()) throw new Bad(unmarshal(n, "string"));
        return n.asText();
    }

    private static boolean bool(JsonNode raw, String key) {
        JsonNode n = raw == null ? null : raw.get(key);
        if (n == null || n.isNull()) return false;
        if (!n.isBoolean()) throw new Bad(unmarshal(n, "bool"));
        return n.booleanValue();
    }

    private static Iterable<JsonNode> sequence(JsonNode raw, String key, String goType) {
        JsonNode n = raw == null ? null : raw.get(key);
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) throw new Bad(unmarshal(n, goType));
        return n;
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : "";
    }

    private static String unmarshal(JsonNode n, String goType) {
        String shown = n.isValueNode() ? " `" + n.asText() + "`" : "";
        return "yaml: unmarshal errors:\n  cannot unmarshal " + yamlKind(n) + shown + " into " + goType;
    }

    private static String yamlKind(JsonNode n) {
        if (n.isObject()) return "!!map";
        if (n.isArray()) return "!!seq";
        if (n.isBoolean()) return "!!bool";
        if (n.isIntegralNumber()) return "!!int";
        if (n.isNumber()) return "!!float";
        return "!!str";
    }

    private static String goText(JsonNode n) {
        return n.isTextual() ? n.textValue() : n.toString();
    }

    private Annotation fail(Loc at, String message) {
        errors.add(new RegoError(RegoException.PARSE_ERROR, message, at.file(), at.line(), at.col()));
        return null;
    }

    /** A field of the wrong shape; reported at the block's {@code METADATA} line. */
    private static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message, null, false, false);
        }
    }
}
