package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.json;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static io.maestro.conductor.policy.rego.builtins.Calls.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.Value;
import org.junit.jupiter.api.Test;

class ObjectAndJsonBuiltinsTest {

    @Test
    void objectGetTakesAKeyOrAPathAndFallsBack() {
        Value doc = json("{\"a\":{\"b\":[10,{\"c\":true}]}}");
        assertThat(call("object.get", doc, s("a"), BooleanValue.FALSE)).isEqualTo(json("{\"b\":[10,{\"c\":true}]}"));
        assertThat(call("object.get", doc, arr(s("a"), s("b"), n(1), s("c")), BooleanValue.FALSE))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("object.get", doc, arr(s("a"), s("x")), s("dflt"))).isEqualTo(s("dflt"));
        assertThat(call("object.get", doc, arr(), NullValue.INSTANCE)).isEqualTo(doc);
    }

    @Test
    void removeAndFilterTakeKeysFromArraysSetsOrObjects() {
        Value doc = json("{\"a\":1,\"b\":2,\"c\":3}");
        assertThat(call("object.remove", doc, set(s("a"), s("z")))).isEqualTo(json("{\"b\":2,\"c\":3}"));
        assertThat(call("object.filter", doc, json("{\"a\":0,\"c\":0}"))).isEqualTo(json("{\"a\":1,\"c\":3}"));
        assertThat(call("object.keys", doc)).isEqualTo(set(s("a"), s("b"), s("c")));
        assertThat(error("object.remove", doc, s("a")))
                .hasMessage("object.remove: operand 2 must be one of {object, set, array} but got string");
        assertThat(error("object.filter", arr(s("a")), set(s("a"))))
                .hasMessage("object.filter: operand 1 must be object but got array");
    }

    @Test
    void unionMergesRecursivelyWithTheRightSideWinning() {
        assertThat(call("object.union", json("{\"a\":1}"), json("{\"a\":{\"b\":{\"c\":1}},\"d\":7}")))
                .isEqualTo(json("{\"a\":{\"b\":{\"c\":1}},\"d\":7}"));
        assertThat(call("object.union", json("{\"a\":{\"x\":1}}"), json("{\"a\":{\"y\":2}}")))
                .isEqualTo(json("{\"a\":{\"x\":1,\"y\":2}}"));
        assertThat(call("object.union_n", json("[{\"a\":1},{\"b\":2},{\"a\":3}]")))
                .isEqualTo(json("{\"a\":3,\"b\":2}"));
    }

    @Test
    void subsetIsRecursiveAndArraysMatchAsARun() {
        assertThat(call("object.subset", json("{\"a\":{\"b\":1,\"c\":2},\"d\":3}"), json("{\"a\":{\"b\":1}}")))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("object.subset", json("[1,2,3,4]"), json("[2,3]"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("object.subset", json("[1,2,3,4]"), json("[2,4]"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("object.subset", json("[1,2,3]"), set(n(3), n(1)))).isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void jsonFilterAndRemoveFollowPaths() {
        assertThat(call("json.filter", json("{\"a\":[{\"b\":7,\"c\":8},{\"d\":9}]}"), set(s("a/0/b"), s("a/1"))))
                .isEqualTo(json("{\"a\":[{\"b\":7},{\"d\":9}]}"));
        Value doc = json("{\"a\":{\"b\":{\"c\":7,\"d\":8,\"x\":0}},\"e\":9}");
        assertThat(call("json.remove", doc, set(s("a/b/d"), arr(s("a"), s("b"), s("c")))))
                .isEqualTo(json("{\"a\":{\"b\":{\"x\":0}},\"e\":9}"));
        assertThat(call("json.remove", json("{\"a\":{\"b\":7},\"c\":1}"), set(s("a"), s("a/b"))))
                .isEqualTo(json("{\"c\":1}"));
        assertThat(call("json.remove", json("{\"a\":[1,2,3]}"), arr(s("/a/1")))).isEqualTo(json("{\"a\":[1,3]}"));
        assertThat(error("json.remove", doc, n(22)))
                .hasMessage("json.remove: operand 2 must be one of {set, array} but got number");
        assertThat(error("json.remove", doc, set(s("a"), ObjectValue.EMPTY)))
                .hasMessage(
                        "json.remove: operand 2 must be one of {set, array} containing string paths or array of path segments but got object");
    }

    @Test
    void jsonPatchAppliesRfc6902AndIsUndefinedWhenItCannot() {
        Value doc = json("{\"a\":{\"b\":[1,2]}}");
        Value patch = json("[{\"op\":\"add\",\"path\":\"/a/b/-\",\"value\":3},"
                + "{\"op\":\"replace\",\"path\":\"/a/b/0\",\"value\":0},"
                + "{\"op\":\"copy\",\"from\":\"/a/b\",\"path\":\"/c\"},"
                + "{\"op\":\"move\",\"from\":\"/c\",\"path\":\"/d\"},"
                + "{\"op\":\"remove\",\"path\":[\"a\",\"b\",1]},"
                + "{\"op\":\"test\",\"path\":\"/d/2\",\"value\":3}]");
        assertThat(call("json.patch", doc, patch)).isEqualTo(json("{\"a\":{\"b\":[0,3]},\"d\":[0,2,3]}"));
        assertThat(call("json.patch", doc, json("[{\"op\":\"test\",\"path\":\"/a\",\"value\":1}]")))
                .isNull();
        assertThat(call("json.patch", doc, json("[{\"op\":\"remove\",\"path\":\"/nope\"}]")))
                .isNull();
        assertThat(call("json.patch", doc, json("[{\"op\":\"frobnicate\",\"path\":\"/a\"}]")))
                .as("malformed is undefined")
                .isNull();
        assertThat(call("json.patch", doc, json("[1]"))).isNull();
        assertThat(call("json.patch", doc, json("[{\"op\":\"add\",\"path\":\"a/c\",\"value\":1}]")))
                .as("the leading slash is optional")
                .isEqualTo(json("{\"a\":{\"b\":[1,2],\"c\":1}}"));
        assertThat(call("json.patch", set(s("x")), json("[{\"op\":\"add\",\"path\":\"/y\",\"value\":\"y\"}]")))
                .isEqualTo(set(s("x"), s("y")));
    }

    @Test
    void marshalWritesGoJsonAndUnmarshalIsStrict() {
        assertThat(call("json.marshal", arr(json("{\"foo\":[3,1,2]}"), set(n(2), n(1)))))
                .isEqualTo(s("[{\"foo\":[3,1,2]},[1,2]]"));
        assertThat(call("json.marshal", s("<a&b>"))).isEqualTo(s("\"\\u003ca\\u0026b\\u003e\""));
        assertThat(call(
                        "json.marshal_with_options",
                        json("{\"a\":[1]}"),
                        json("{\"indent\":\"  \",\"prefix\":\"> \"}")))
                .isEqualTo(s("> {\n>   \"a\": [\n>     1\n>   ]\n> }"));
        assertThat(call("json.marshal_with_options", json("{\"a\":1}"), json("{\"pretty\":false,\"indent\":\" \"}")))
                .isEqualTo(s("{\"a\":1}"));
        assertThat(error("json.marshal_with_options", json("{}"), json("{\"colour\":1}")))
                .hasMessage("json.marshal_with_options: operand 2 object contained unknown key \"colour\"");
        assertThat(error("json.marshal_with_options", json("{}"), json("{\"indent\":1,\"pretty\":true}")))
                .hasMessage(
                        "json.marshal_with_options: operand 2 key \"indent\" failed cast to string: operand 0 must be string"
                                + " but got number");
        assertThat(error("json.marshal_with_options", json("{}"), json("{\"pretty\":\"yes\"}")))
                .hasMessage("json.marshal_with_options: operand 2 key \"pretty\" failed cast to bool");
        assertThat(call("json.marshal_with_options", json("{\"a\":1}"), json("{\"pretty\":true}")))
                .isEqualTo(s("{\n\t\"a\": 1\n}"));
        assertThat(call("json.unmarshal", s("{\"a\":[1.5,true,null]}"))).isEqualTo(json("{\"a\":[1.5,true,null]}"));
        assertThat(error("json.unmarshal", s("{} trailing")).code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(call("json.is_valid", s("{"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("json.is_valid", n(1))).isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void yamlParsesEveryDocumentAndMarshalsPlainly() {
        assertThat(call("yaml.is_valid", s("foo:\n  - qux: bar\n  - baz: 2\n"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("yaml.is_valid", s("a: 1\n---\n\tb: 2\n"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("yaml.is_valid", s("  test:\ntest1: hello\n"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("yaml.unmarshal", s("a: [1, x]\n"))).isEqualTo(json("{\"a\":[1,\"x\"]}"));
        assertThat(error("yaml.unmarshal", s("a: 1\n---\n\tb: 2\n")))
                .hasMessage(
                        "yaml.unmarshal: error converting YAML to JSON: yaml: line 3: found character that cannot start any token");
        assertThat(error("yaml.unmarshal", s("key: value: other\n")))
                .hasMessage(
                        "yaml.unmarshal: error converting YAML to JSON: yaml: line 1: mapping values are not allowed in this context");
        assertThat(error("yaml.unmarshal", s("a: [1, 2\n")))
                .as("parser errors name the line before the problem")
                .hasMessage(
                        "yaml.unmarshal: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'");
        assertThat(call("yaml.marshal", json("{\"a\":[1,\"x\"]}"))).isEqualTo(s("a:\n- 1\n- x\n"));
    }
}
