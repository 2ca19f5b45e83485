package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.json;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemaBuiltinsTest {
    private static final String ID_SCHEMA = "{\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}";

    private static Value verify(Value schema) {
        return call("json.verify_schema", schema);
    }

    private static Value match(Value doc, Value schema) {
        return call("json.match_schema", doc, schema);
    }

    /** One error object as OPA builds it; {@code error} is always "field: desc". */
    private static String err(String field, String type, String desc) {
        return "{\"desc\":\"" + desc + "\",\"error\":\"" + field + ": " + desc + "\",\"field\":\"" + field
                + "\",\"type\":\"" + type + "\"}";
    }

    private static Value failed(String... errors) {
        return json("[false,[" + String.join(",", errors) + "]]");
    }

    @Test
    void verifyAcceptsValidSchemasGivenAsObjectOrString() {
        assertThat(verify(json(ID_SCHEMA))).isEqualTo(json("[true,null]"));
        assertThat(verify(s(ID_SCHEMA))).isEqualTo(json("[true,null]"));
        assertThat(verify(s("{}"))).isEqualTo(json("[true,null]"));
        assertThat(verify(s("true"))).isEqualTo(json("[true,null]"));
        // draft-04's boolean exclusiveMinimum, with or without $schema (OPA's default reads every draft)
        assertThat(verify(json("{\"minimum\":1,\"exclusiveMinimum\":true}"))).isEqualTo(json("[true,null]"));
        assertThat(verify(json("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"minimum\":1,"
                        + "\"exclusiveMinimum\":true}")))
                .isEqualTo(json("[true,null]"));
        assertThat(verify(json("{\"$schema\":\"http://json-schema.org/draft-06/schema#\",\"exclusiveMinimum\":1}")))
                .isEqualTo(json("[true,null]"));
        assertThat(verify(json("{\"if\":{\"type\":\"string\"},\"then\":{\"minLength\":1}}")))
                .isEqualTo(json("[true,null]"));
        assertThat(verify(json("{\"enum\":[]}"))).isEqualTo(json("[true,null]"));
    }

    @Test
    void verifyReportsInvalidSchemasWithOpasWording() {
        assertThat(verify(s("{ \"a\": \""))).isEqualTo(json("[false,\"jsonschema: invalid JSON string\"]"));
        assertThat(verify(json("{\"properties\":{\"id\":{\"type\":\"UNKNOWN\"}}}")))
                .isEqualTo(json(
                        "[false,\"jsonschema: has a primitive type that is NOT VALID -- given: /UNKNOWN/ Expected valid values"
                                + " are:[array boolean integer number null object string]\"]"));
        assertThat(verify(json("{\"type\":[\"string\",\"bogus\"]}")).toString()).contains("given: /bogus/");
        assertThat(verify(json("{\"properties\":5}")))
                .isEqualTo(json("[false,\"jsonschema: properties must be of an object\"]"));
        // patterns are RE2, as Go's: no lookbehind
        assertThat(verify(json("{\"pattern\":\"(?<=a)b\"}")))
                .isEqualTo(json("[false,\"jsonschema: pattern must be a valid regex\"]"));
        assertThat(verify(json("{\"pattern\":\"^a+$\"}"))).isEqualTo(json("[true,null]"));
        // a draft-07 schema may not use draft-04's boolean form
        assertThat(verify(json("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"minimum\":1,"
                                + "\"exclusiveMinimum\":true}"))
                        .toString())
                .startsWith("[false,");
        assertThat(verify(s("[1]")).toString()).startsWith("[false,");
    }

    @Test
    void verifyOfAnOperandThatIsNeitherStringNorObjectIsAFailedResult() {
        assertThat(verify(n(1))).isEqualTo(json("[false,\"jsonschema: wrong type, expected string or object\"]"));
    }

    @Test
    void referencesOutsideTheSchemaAreNotFetched() {
        assertThat(verify(json("{\"$ref\":\"http://127.0.0.1:9/schema.json\"}")).toString())
                .startsWith("[false,");
        assertThat(error("json.match_schema", s("1"), json("{\"$ref\":\"file:///etc/passwd\"}"))
                        .code())
                .isEqualTo(BuiltinException.BUILTIN_ERROR);
        // a reference inside the schema works
        assertThat(match(s("1"), json("{\"$ref\":\"#/definitions/x\",\"definitions\":{\"x\":{\"type\":\"string\"}}}")))
                .isEqualTo(failed(err("(root)", "invalid_type", "Invalid type. Expected: string, given: integer")));
    }

    @Test
    void matchingDocumentsGiveTrueAndNoErrors() {
        assertThat(match(json("{\"id\":5}"), json(ID_SCHEMA))).isEqualTo(json("[true,[]]"));
        assertThat(match(s("{\"id\": 5}"), s(ID_SCHEMA))).isEqualTo(json("[true,[]]"));
        assertThat(match(s("{}"), s("{}"))).isEqualTo(json("[true,[]]"));
        assertThat(match(s("[1,2]"), json("{\"items\":{\"type\":\"integer\"}}")))
                .isEqualTo(json("[true,[]]"));
    }

    @Test
    void failingDocumentsGiveGojsonschemaErrorObjects() {
        assertThat(match(json("{\"id\":\"foo\"}"), json(ID_SCHEMA)))
                .isEqualTo(failed(err("id", "invalid_type", "Invalid type. Expected: integer, given: string")));
        assertThat(match(json("{}"), s(ID_SCHEMA))).isEqualTo(failed(err("(root)", "required", "id is required")));
        assertThat(
                        match(
                                s("{\"a\":{\"b\":[1,\"x\"]}}"),
                                json(
                                        "{\"properties\":{\"a\":{\"properties\":{\"b\":{\"items\":{\"type\":[\"integer\",\"null\"]}}}}}}")))
                .isEqualTo(
                        failed(err("a.b.1", "invalid_type", "Invalid type. Expected: [integer,null], given: string")));
        assertThat(match(s("{\"a\":1,\"b\":2}"), json("{\"properties\":{\"a\":{}},\"additionalProperties\":false}")))
                .isEqualTo(failed(
                        err("(root)", "additional_property_not_allowed", "Additional property b is not allowed")));
        assertThat(match(s("1.5"), json("{\"type\":\"integer\"}")))
                .isEqualTo(failed(err("(root)", "invalid_type", "Invalid type. Expected: integer, given: number")));
    }

    @Test
    void stringNumberAndArrayKeywords() {
        assertThat(match(s("\"ab\""), json("{\"minLength\":3,\"maxLength\":1,\"pattern\":\"^z\"}")))
                .isEqualTo(failed(
                        err("(root)", "string_gte", "String length must be greater than or equal to 3"),
                        err("(root)", "string_lte", "String length must be less than or equal to 1"),
                        err("(root)", "pattern", "Does not match pattern '^z'")));
        assertThat(match(s("3"), json("{\"multipleOf\":2.5,\"maximum\":1}")))
                .isEqualTo(failed(
                        err("(root)", "multiple_of", "Must be a multiple of 2.5"),
                        err("(root)", "number_lte", "Must be less than or equal to 1")));
        assertThat(match(s("5"), json("{\"minimum\":5,\"exclusiveMinimum\":true}")))
                .isEqualTo(failed(err("(root)", "number_gt", "Must be greater than 5")));
        assertThat(match(s("5"), json("{\"exclusiveMinimum\":5}")))
                .isEqualTo(failed(err("(root)", "number_gt", "Must be greater than 5")));
        assertThat(match(s("[1,1]"), json("{\"minItems\":3,\"uniqueItems\":true}")))
                .isEqualTo(failed(
                        err("(root)", "array_min_items", "Array must have at least 3 items"),
                        err("(root)", "unique", "array items[0,1] must be unique")));
        assertThat(match(s("\"nope\""), json("{\"format\":\"email\"}")))
                .isEqualTo(failed(err("(root)", "format", "Does not match format 'email'")));
    }

    @Test
    void enumConstAndCombinators() {
        assertThat(match(s("\"x\""), json("{\"enum\":[\"a\",1]}")))
                .isEqualTo(failed(err("(root)", "enum", "(root) must be one of the following: \\\"a\\\", 1")));
        assertThat(match(json("{\"value\":\"allow\"}"), json("{\"enum\":[]}")))
                .isEqualTo(failed(err("(root)", "enum", "(root) must be one of the following: (none)")));
        assertThat(match(s("2"), json("{\"const\":1}")))
                .isEqualTo(failed(err("(root)", "const", "(root) does not match: 1")));
        assertThat(match(s("1"), json("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"boolean\"}]}")))
                .isEqualTo(failed(
                        err("(root)", "number_any_of", "Must validate at least one schema (anyOf)"),
                        err("(root)", "invalid_type", "Invalid type. Expected: string, given: integer"),
                        err("(root)", "invalid_type", "Invalid type. Expected: boolean, given: integer")));
        assertThat(match(s("1"), json("{\"not\":{\"type\":\"integer\"}}")))
                .isEqualTo(failed(err("(root)", "number_not", "Must not validate the schema (not)")));
        assertThat(match(s("{\"a\":1}"), json("{\"dependencies\":{\"a\":[\"b\"]}}")))
                .isEqualTo(failed(err("(root)", "missing_dependency", "Has a dependency on b")));
        assertThat(match(s("{\"a\":1}"), json("{\"properties\":{\"a\":false}}")))
                .isEqualTo(failed(err("a", "false", "False always fails validation")));
    }

    @Test
    void aValueOfTheWrongTypeIsReportedOnlyForItsType() {
        assertThat(match(s("\"x\""), json("{\"type\":\"integer\",\"enum\":[1],\"minimum\":0}")))
                .isEqualTo(failed(err("(root)", "invalid_type", "Invalid type. Expected: integer, given: string")));
    }

    @Test
    void badDocumentsAndSchemasAreBuiltinErrors() {
        BuiltinException doc = error("json.match_schema", s("{ \"a\": \""), s("{}"));
        assertThat(doc.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(doc.getMessage()).isEqualTo("json.match_schema: invalid JSON string");
        BuiltinException schema =
                error("json.match_schema", s("{}"), json("{\"properties\":{\"id\":{\"type\":\"unknown\"}}}"));
        assertThat(schema.getMessage())
                .isEqualTo("json.match_schema: has a primitive type that is NOT VALID -- given:"
                        + " /unknown/ Expected valid values are:[array boolean integer number null object string]");
        assertThat(error("json.match_schema", s("{}"), s("{ \"a\": \"")).getMessage())
                .isEqualTo("json.match_schema: invalid JSON string");
        // operands of another kind reach the builtin only through variables: OPA's message, as a builtin error
        assertThat(error("json.match_schema", n(1), s("{}")).getMessage())
                .isEqualTo("json.match_schema: wrong type, expected string or object");
        assertThat(error("json.match_schema", s("{}"), n(1)).getMessage())
                .isEqualTo("json.match_schema: wrong type, expected string or object");
    }

    @Test
    void constantOperandsOfTheWrongKindAreTypeErrorsAtCompileTime() {
        for (String call :
                List.of("json.verify_schema(1)", "json.match_schema({}, [1])", "json.match_schema(true, {})")) {
            RegoException e = catchThrowableOfType(
                    () -> RegoEngine.compile(
                            List.of(new RegoModule("t.rego", "package t\np := " + call + "\n")),
                            ObjectValue.of(Map.of())),
                    RegoException.class);
            assertThat(e).as(call).isNotNull();
            assertThat(e.code()).isEqualTo("rego_type_error");
        }
    }
}
