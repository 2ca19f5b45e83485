package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code json.verify_schema json.match_schema}: JSON Schema drafts 04, 06 and 07 on networknt's
 * json-schema-validator, with results shaped as OPA's (which wraps gojsonschema).
 *
 * <p>A schema without a recognised {@code $schema} is read as OPA's "hybrid" draft: draft-07, unless only
 * draft-04's meta-schema accepts it (draft-04's boolean {@code exclusiveMinimum}/{@code exclusiveMaximum}).
 * A schema is valid when its draft's meta-schema accepts it and the library can build it; patterns are RE2,
 * as Go's. A {@code $ref} outside the schema is refused (no network or file access from policy evaluation),
 * except to the bundled meta-schemas. Validation errors are objects {@code {"error", "type", "field", "desc"}}
 * with gojsonschema's types and wording.
 */
final class JsonSchemaBuiltins implements BuiltinGroup {
    private static final Set<ArgType> STR_OBJ = EnumSet.of(ArgType.STRING, ArgType.OBJECT);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TYPES = "[array boolean integer number null object string]";

    /** The drafts OPA supports, with the bundled meta-schema of each. */
    private enum Draft {
        V4(VersionFlag.V4, "draft-04"),
        V6(VersionFlag.V6, "draft-06"),
        V7(VersionFlag.V7, "draft-07");

        final String iri;
        final JsonSchemaFactory factory;
        final JsonSchema meta;

        Draft(VersionFlag flag, String dir) {
            this.iri = "http://json-schema.org/" + dir + "/schema#";
            this.factory = JsonSchemaFactory.getInstance(
                    flag,
                    b -> b.enableSchemaCache(false)
                            .schemaLoaders(loaders -> loaders.values(list -> {
                                list.clear();
                                list.add(iri -> bundled(iri.toString()));
                            })));
            this.meta = factory.getSchema(load(dir + "/schema"), CONFIG);
            this.meta.initializeValidators();
        }

        /** The draft named by a {@code $schema} IRI (http or https, with or without the empty fragment). */
        static Draft named(String iri) {
            String s = iri.replaceFirst("^https?://", "").replaceFirst("#$", "");
            for (Draft d : values()) {
                if (s.equals(d.iri.replaceFirst("^https?://", "").replaceFirst("#$", ""))) return d;
            }
            return null;
        }
    }

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .regularExpressionFactory(regex -> {
                Pattern p = Pattern.compile(regex);
                return value -> p.matcher(value).find();
            })
            .build();

    /** Compiled schemas by their JSON: the result of building one is the same every time. */
    private static final Cache<JsonNode, Compiled> COMPILED =
            Caffeine.newBuilder().maximumSize(256).build();

    private record Compiled(JsonSchema schema, String error) {}

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec("json.verify_schema", ARR, (ctx, a) -> verify(a.get(0)), STR_OBJ),
                spec("json.match_schema", ARR, (ctx, a) -> match(a.get(0), a.get(1)), STR_OBJ, STR_OBJ));
    }

    /** {@code [true, null]} for a usable schema, otherwise {@code [false, "jsonschema: <why>"]}. */
    static Value verify(Value schema) {
        String error;
        try {
            error = compile(json(schema)).error();
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        return error == null
                ? ArrayValue.of(BooleanValue.TRUE, NullValue.INSTANCE)
                : ArrayValue.of(BooleanValue.FALSE, StringValue.of("jsonschema: " + error));
    }

    /** {@code [valid, errors]}; an unusable document or schema is a builtin error, as in OPA. */
    static Value match(Value document, Value schema) {
        String name = "json.match_schema";
        JsonNode doc;
        Compiled compiled;
        try {
            doc = json(document);
            compiled = compile(json(schema));
        } catch (IllegalArgumentException e) {
            throw BuiltinException.failed(name, e.getMessage());
        }
        if (compiled.error() != null) throw BuiltinException.failed(name, compiled.error());
        Set<ValidationMessage> messages;
        try {
            messages = compiled.schema().validate(doc);
        } catch (RuntimeException e) {
            throw BuiltinException.failed(name, reason(e));
        }
        JsonNode root = compiled.schema().getSchemaNode();
        List<ValidationMessage> kept = inGoOrder(withoutShadowed(new ArrayList<>(messages)));
        // The library reports what failed inside "anyOf"/"allOf" but not the combinator itself; gojsonschema
        // reports both: the anyOf error before its subschemas' errors, the allOf error after them.
        Set<String> reported = new HashSet<>();
        for (ValidationMessage m : kept) reported.add(m.getType() + "@" + m.getEvaluationPath());
        Map<String, Integer> lastAllOf = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            for (String[] c : combinators(kept.get(i))) {
                if (c[0].equals("allOf")) lastAllOf.put(c[1] + "|" + c[2], i);
            }
        }
        Set<String> emitted = new HashSet<>();
        List<Value> errors = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            ValidationMessage m = kept.get(i);
            List<String[]> cs = combinators(m);
            for (String[] c : cs) {
                if (c[0].equals("anyOf") && !reported.contains("anyOf@" + c[1]) && emitted.add(c[1] + "|" + c[2])) {
                    errors.add(error(c[2], "number_any_of", "Must validate at least one schema (anyOf)"));
                }
            }
            errors.add(errorObject(m, root));
            for (int k = cs.size() - 1; k >= 0; k--) {
                String[] c = cs.get(k);
                String key = c[1] + "|" + c[2];
                if (c[0].equals("allOf") && !reported.contains("allOf@" + c[1]) && lastAllOf.get(key) == i) {
                    errors.add(error(c[2], "number_all_of", "Must validate all the schemas (allOf)"));
                }
            }
        }
        return ArrayValue.of(BooleanValue.of(errors.isEmpty()), new ArrayValue(errors));
    }

    /**
     * The "anyOf"/"allOf" subschemas a message came from, outermost first: {keyword, its evaluation path,
     * the field of the value it applied to}. That value is the message's, less one level per keyword below
     * the combinator that descends into the value.
     */
    private static List<String[]> combinators(ValidationMessage m) {
        JsonNodePath eval = m.getEvaluationPath();
        int n = eval.getNameCount();
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            Object e = eval.getElement(i);
            if (!("anyOf".equals(e) || "allOf".equals(e)) || !(eval.getElement(i + 1) instanceof Integer)) continue;
            int depth = 0;
            for (int j = i + 2; j < n - 1; j++) {
                Object k = eval.getElement(j);
                if ("properties".equals(k) || "patternProperties".equals(k)) {
                    depth++;
                    j++;
                } else if ("items".equals(k) || "additionalItems".equals(k)) {
                    depth++;
                    if (j + 1 < n - 1 && eval.getElement(j + 1) instanceof Integer) j++;
                } else if ("additionalProperties".equals(k) || "contains".equals(k)) {
                    depth++;
                }
            }
            JsonNodePath at = m.getInstanceLocation();
            if ("additionalProperties".equals(m.getType()) && at.getNameCount() > 0) at = at.getParent();
            for (int d = 0; d < depth && at.getNameCount() > 0; d++) at = at.getParent();
            StringBuilder path = new StringBuilder();
            for (int j = 0; j <= i; j++) path.append('/').append(eval.getElement(j));
            out.add(new String[] {String.valueOf(e), path.toString(), field(at)});
        }
        return out;
    }

    /**
     * gojsonschema's order for one value checked by one (sub)schema: combinators, then the keywords of the
     * value's type, then const/enum/format. Messages are grouped by (subschema, value), in order of first
     * appearance, and ordered so within each group.
     */
    private static List<ValidationMessage> inGoOrder(List<ValidationMessage> messages) {
        Map<String, List<ValidationMessage>> groups = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            JsonNodePath parent = m.getEvaluationPath().getParent();
            String key = (parent == null ? "" : parent.toString()) + "|" + m.getInstanceLocation();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        List<ValidationMessage> out = new ArrayList<>(messages.size());
        for (List<ValidationMessage> g : groups.values()) {
            g.sort(Comparator.comparingInt(m -> RANK.getOrDefault(m.getType(), 25)));
            out.addAll(g);
        }
        return out;
    }

    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("anyOf", 0),
            Map.entry("oneOf", 1),
            Map.entry("allOf", 2),
            Map.entry("not", 3),
            Map.entry("dependencies", 4),
            Map.entry("if", 5),
            Map.entry("then", 5),
            Map.entry("else", 5),
            Map.entry("type", 6),
            Map.entry("unionType", 6),
            Map.entry("items", 10),
            Map.entry("additionalItems", 10),
            Map.entry("minItems", 11),
            Map.entry("maxItems", 12),
            Map.entry("uniqueItems", 13),
            Map.entry("contains", 14),
            Map.entry("minProperties", 10),
            Map.entry("maxProperties", 11),
            Map.entry("required", 12),
            Map.entry("additionalProperties", 13),
            Map.entry("patternProperties", 14),
            Map.entry("propertyNames", 15),
            Map.entry("multipleOf", 10),
            Map.entry("maximum", 11),
            Map.entry("exclusiveMaximum", 11),
            Map.entry("minimum", 12),
            Map.entry("exclusiveMinimum", 12),
            Map.entry("minLength", 10),
            Map.entry("maxLength", 11),
            Map.entry("pattern", 12),
            Map.entry("const", 20),
            Map.entry("enum", 21),
            Map.entry("format", 22));

    private static Value error(String field, String type, String desc) {
        Map<Value, Value> o = new LinkedHashMap<>();
        o.put(StringValue.of("error"), StringValue.of(field + ": " + desc));
        o.put(StringValue.of("type"), StringValue.of(type));
        o.put(StringValue.of("field"), StringValue.of(field));
        o.put(StringValue.of("desc"), StringValue.of(desc));
        return ObjectValue.of(o);
    }

    /** A string operand is JSON text (checked, as OPA does); an object or array is used as it is. */
    private static JsonNode json(Value v) {
        if (v instanceof StringValue s) {
            try {
                return Values.toJson(GoJson.parse(s.value()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("invalid JSON string");
            }
        }
        if (v instanceof ObjectValue || v instanceof ArrayValue) return Values.toJson(v);
        throw new IllegalArgumentException("wrong type, expected string or object");
    }

    private static Compiled compile(JsonNode node) {
        return COMPILED.get(node, JsonSchemaBuiltins::build);
    }

    private static Compiled build(JsonNode node) {
        if (!node.isObject() && !node.isBoolean()) {
            return new Compiled(null, "schema must be an object or a boolean");
        }
        Draft declared = null;
        JsonNode declaredIri = node.get("$schema");
        if (declaredIri != null && declaredIri.isTextual()) declared = Draft.named(declaredIri.textValue());
        List<Draft> candidates = declared != null ? List.of(declared) : List.of(Draft.V7, Draft.V4);
        String firstError = null;
        for (Draft draft : candidates) {
            if (node.isBoolean() && draft == Draft.V4) continue;
            String error = metaError(draft, node);
            if (error == null) {
                try {
                    JsonSchema schema = draft.factory.getSchema(withDraft(node, draft), CONFIG);
                    schema.initializeValidators();
                    return new Compiled(schema, null);
                } catch (RuntimeException e) {
                    error = reason(e);
                }
            }
            if (firstError == null) firstError = error;
        }
        return new Compiled(null, firstError);
    }

    /** Why the draft's meta-schema rejects a schema, worded as gojsonschema where it has a wording; null if it accepts. */
    private static String metaError(Draft draft, JsonNode node) {
        Set<ValidationMessage> messages;
        try {
            messages = new LinkedHashSet<>(draft.meta.validate(node));
        } catch (RuntimeException e) {
            return reason(e);
        }
        // gojsonschema checks the shape of each keyword, not the meta-schema's "minItems": an empty "enum",
        // "required" or "type" list is accepted (an empty enum then matches nothing).
        // Nor does it apply the meta-schema's formats: a "pattern" is checked when the schema is built, as RE2.
        messages.removeIf(m -> "minItems".equals(m.getType()) || "format".equals(m.getType()));
        if (messages.isEmpty()) return null;
        for (ValidationMessage m : messages) {
            // a "type" keyword naming something that is not a JSON type
            if ("enum".equals(m.getType())
                    && m.getSchemaLocation().toString().endsWith("simpleTypes/enum")
                    && m.getInstanceNode() != null
                    && m.getInstanceNode().isTextual()) {
                return "has a primitive type that is NOT VALID -- given: /"
                        + m.getInstanceNode().textValue() + "/ Expected valid values are:" + TYPES;
            }
        }
        ValidationMessage first = messages.iterator().next();
        JsonNodePath at = first.getInstanceLocation();
        if ("type".equals(first.getType()) && at.getNameCount() > 0) {
            // a keyword whose value has the wrong JSON type, e.g. "properties must be of an object"
            String key = String.valueOf(at.getElement(at.getNameCount() - 1));
            String expected = argument(first, 1);
            return key + " must be of " + (expected.matches("^[aeiou].*") ? "an " : "a ") + expected;
        }
        return first.getMessage();
    }

    /** A schema whose {@code $schema} the library would otherwise try to fetch is given the draft's IRI. */
    private static JsonNode withDraft(JsonNode node, Draft draft) {
        if (!node.isObject()) return node;
        JsonNode s = node.get("$schema");
        if (s != null && s.isTextual() && Draft.named(s.textValue()) == draft) return node;
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.put("$schema", draft.iri);
        return copy;
    }

    /** Serves the bundled meta-schemas; any other reference is refused. */
    private static InputStreamSource bundled(String iri) {
        Draft d = Draft.named(iri);
        if (d == null && iri.startsWith("classpath:")) {
            String path = iri.substring("classpath:".length()).replaceFirst("^/", "");
            if (path.matches("draft-0[467]/schema")) return () -> resource(path);
        }
        if (d != null) {
            String path = d.iri.replaceFirst("^http://json-schema.org/", "").replaceFirst("#$", "");
            return () -> resource(path);
        }
        return () -> {
            throw new IOException("reference to " + iri + " is not allowed");
        };
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = JsonSchemaFactory.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IOException("no bundled schema " + path);
        return in;
    }

    private static JsonNode load(String path) {
        try (InputStream in = resource(path)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PatternSyntaxException) return "pattern must be a valid regex";
        }
        Throwable t = e;
        while (t.getCause() != null
                && t.getCause() != t
                && (t.getMessage() == null || t instanceof UncheckedIOException)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /**
     * gojsonschema stops at a value of the wrong type: nothing else its (sub)schema says about that value
     * (or anything inside it) is reported. The library reports every keyword, so those messages are dropped.
     */
    private static List<ValidationMessage> withoutShadowed(List<ValidationMessage> messages) {
        List<ValidationMessage> typeErrors = new ArrayList<>();
        for (ValidationMessage m : messages) {
            if (isTypeError(m)) typeErrors.add(m);
        }
        if (typeErrors.isEmpty()) return messages;
        List<ValidationMessage> out = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            boolean shadowed = false;
            for (ValidationMessage t : typeErrors) {
                if (m != t
                        && m.getInstanceLocation().startsWith(t.getInstanceLocation())
                        && m.getEvaluationPath()
                                .startsWith(t.getEvaluationPath().getParent())) {
                    shadowed = true;
                    break;
                }
            }
            if (!shadowed) out.add(m);
        }
        return out;
    }

    private static boolean isTypeError(ValidationMessage m) {
        return "type".equals(m.getType()) || "unionType".equals(m.getType());
    }

    /** One error as OPA builds it: {@code field} is the value's path below the root, {@code error} is "field: desc". */
    private static Value errorObject(ValidationMessage m, JsonNode root) {
        String keyword = m.getType();
        JsonNodePath at = m.getInstanceLocation();
        String type;
        String desc;
        switch (keyword) {
            case "type", "unionType" -> {
                type = "invalid_type";
                desc = "Invalid type. Expected: " + expectedTypes(m) + ", given: " + givenType(m.getInstanceNode());
            }
            case "required" -> {
                type = "required";
                desc = argument(m, 0) + " is required";
            }
            case "enum" -> {
                type = "enum";
                List<String> allowed = new ArrayList<>();
                if (m.getSchemaNode() != null) m.getSchemaNode().forEach(n -> allowed.add(compact(n)));
                desc = field(at) + " must be one of the following: "
                        + (allowed.isEmpty() ? "(none)" : String.join(", ", allowed));
            }
            case "const" -> {
                type = "const";
                desc = field(at) + " does not match: "
                        + (m.getSchemaNode() == null ? argument(m, 0) : compact(m.getSchemaNode()));
            }
            case "minLength" -> {
                type = "string_gte";
                desc = "String length must be greater than or equal to " + argument(m, 0);
            }
            case "maxLength" -> {
                type = "string_lte";
                desc = "String length must be less than or equal to " + argument(m, 0);
            }
            case "pattern" -> {
                type = "pattern";
                desc = "Does not match pattern '" + schemaText(m, argument(m, 0)) + "'";
            }
            case "format" -> {
                type = "format";
                desc = "Does not match format '" + schemaText(m, argument(m, 0)) + "'";
            }
            case "minimum" -> {
                boolean exclusive = exclusiveDraft4(m, root, "exclusiveMinimum");
                type = exclusive ? "number_gt" : "number_gte";
                desc = (exclusive ? "Must be greater than " : "Must be greater than or equal to ") + number(m);
            }
            case "maximum" -> {
                boolean exclusive = exclusiveDraft4(m, root, "exclusiveMaximum");
                type = exclusive ? "number_lt" : "number_lte";
                desc = (exclusive ? "Must be less than " : "Must be less than or equal to ") + number(m);
            }
            case "exclusiveMinimum" -> {
                type = "number_gt";
                desc = "Must be greater than " + number(m);
            }
            case "exclusiveMaximum" -> {
                type = "number_lt";
                desc = "Must be less than " + number(m);
            }
            case "multipleOf" -> {
                type = "multiple_of";
                desc = "Must be a multiple of " + number(m);
            }
            case "minItems" -> {
                type = "array_min_items";
                desc = "Array must have at least " + argument(m, 0) + " items";
            }
            case "maxItems" -> {
                type = "array_max_items";
                desc = "Array must have at most " + argument(m, 0) + " items";
            }
            case "uniqueItems" -> {
                type = "unique";
                int[] pair = duplicate(m.getInstanceNode());
                desc = "array items[" + pair[0] + "," + pair[1] + "] must be unique";
            }
            case "contains" -> {
                type = "contains";
                desc = "At least one of the items must match";
            }
            case "minProperties" -> {
                type = "array_min_properties";
                desc = "Must have at least " + argument(m, 0) + " properties";
            }
            case "maxProperties" -> {
                type = "array_max_properties";
                desc = "Must have at most " + argument(m, 0) + " properties";
            }
            case "additionalProperties" -> {
                type = "additional_property_not_allowed";
                String property = m.getProperty() != null ? m.getProperty() : argument(m, 0);
                if (at.getNameCount() > 0 && property.equals(String.valueOf(at.getElement(at.getNameCount() - 1)))) {
                    at = at.getParent();
                }
                desc = "Additional property " + property + " is not allowed";
            }
            case "additionalItems", "items" -> {
                type = "array_no_additional_items";
                if (at.getNameCount() > 0 && at.getElement(at.getNameCount() - 1) instanceof Integer)
                    at = at.getParent();
                desc = "No additional items allowed on array";
            }
            case "propertyNames" -> {
                type = "invalid_property_name";
                desc = "Property name of \"" + argument(m, 0) + "\" does not match";
            }
            case "dependencies", "dependentRequired" -> {
                type = "missing_dependency";
                desc = "Has a dependency on " + missingDependency(m);
            }
            case "anyOf" -> {
                type = "number_any_of";
                desc = "Must validate at least one schema (anyOf)";
            }
            case "oneOf" -> {
                type = "number_one_of";
                desc = "Must validate one and only one schema (oneOf)";
            }
            case "allOf" -> {
                type = "number_all_of";
                desc = "Must validate all the schemas (allOf)";
            }
            case "not" -> {
                type = "number_not";
                desc = "Must not validate the schema (not)";
            }
            case "false" -> {
                type = "false";
                desc = "False always fails validation";
            }
            default -> {
                type = keyword;
                String msg = m.getMessage();
                String prefix = at.toString() + ": ";
                desc = msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
            }
        }
        return error(field(at), type, desc);
    }

    /** gojsonschema's field: the value's path, dot-separated, without the root; the root itself is "(root)". */
    private static String field(JsonNodePath at) {
        int n = at.getNameCount();
        if (n == 0) return "(root)";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) out.append('.');
            out.append(at.getElement(i));
        }
        return out.toString();
    }

    private static String argument(ValidationMessage m, int i) {
        Object[] args = m.getArguments();
        return args != null && args.length > i && args[i] != null ? String.valueOf(args[i]) : "";
    }

    /** The keyword's own value in the schema when the library has it, else the message argument. */
    private static String schemaText(ValidationMessage m, String fallback) {
        JsonNode n = m.getSchemaNode();
        return n != null && n.isTextual() ? n.textValue() : fallback;
    }

    /** A numeric bound as Go prints it: no exponent, no trailing zeros. */
    private static String number(ValidationMessage m) {
        JsonNode n = m.getSchemaNode();
        if (n != null && n.isNumber()) return plain(n.decimalValue());
        String arg = argument(m, 0);
        try {
            return plain(new BigDecimal(arg));
        } catch (NumberFormatException e) {
            return arg;
        }
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** Draft-04's boolean form: {@code "exclusiveMinimum": true} beside the failing {@code "minimum"}. */
    private static boolean exclusiveDraft4(ValidationMessage m, JsonNode root, String keyword) {
        JsonNodePath fragment = m.getSchemaLocation().getFragment();
        if (root == null || fragment == null || fragment.getNameCount() == 0) return false;
        JsonNode schema = root;
        for (int i = 0; i < fragment.getNameCount() - 1 && schema != null; i++) {
            Object e = fragment.getElement(i);
            schema = e instanceof Integer idx ? schema.get(idx) : schema.get(String.valueOf(e));
        }
        return schema != null && schema.path(keyword).asBoolean(false);
    }

    /** The type names of the failing schema's "type", as gojsonschema prints them ({@code [a,b]} for several). */
    private static String expectedTypes(ValidationMessage m) {
        JsonNode t = m.getSchemaNode();
        if (t != null && t.isTextual()) return t.textValue();
        if (t != null && t.isArray()) {
            List<String> names = new ArrayList<>();
            t.forEach(n -> names.add(n.asText()));
            return names.size() == 1 ? names.get(0) : "[" + String.join(",", names) + "]";
        }
        String arg = argument(m, 1);
        return arg.startsWith("[") ? arg.replace(", ", ",") : arg;
    }

    /** The first property that a present property depends on (array form of "dependencies") and that is absent. */
    private static String missingDependency(ValidationMessage m) {
        JsonNode deps = m.getSchemaNode();
        JsonNode object = m.getInstanceNode();
        if (deps != null && deps.isObject() && object != null && object.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = deps.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!object.has(e.getKey()) || !e.getValue().isArray()) continue;
                for (JsonNode d : e.getValue()) {
                    if (!object.has(d.asText())) return d.asText();
                }
            }
        }
        return argument(m, 0);
    }

    /** gojsonschema's name for a value's type: a number with no fraction is an integer. */
    private static String givenType(JsonNode v) {
        if (v == null || v.isNull()) return "null";
        if (v.isBoolean()) return "boolean";
        if (v.isTextual()) return "string";
        if (v.isArray()) return "array";
        if (v.isObject()) return "object";
        if (v.isIntegralNumber()) return "integer";
        BigDecimal d = v.decimalValue();
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? "integer" : "number";
    }

    /** Compact JSON text of a schema value (enum members, const). */
    private static String compact(JsonNode n) {
        return Values.toJsonString(Values.fromJson(n));
    }

    /** The first pair of equal items {@code [i, j]}, i &lt; j, as gojsonschema reports it. */
    private static int[] duplicate(JsonNode array) {
        if (array == null || !array.isArray()) return new int[] {0, 0};
        Map<Value, Integer> seen = new HashMap<>();
        Iterator<JsonNode> it = array.elements();
        for (int j = 0; it.hasNext(); j++) {
            Value v = Values.fromJson(it.next());
            Integer i = seen.putIfAbsent(v, j);
            if (i != null) return new int[] {i, j};
        }
        return new int[] {0, 0};
    }
}
