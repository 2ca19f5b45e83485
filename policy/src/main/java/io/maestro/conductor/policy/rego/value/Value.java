package io.maestro.conductor.policy.rego.value;

/**
 * A ground Rego value. Values are immutable and totally ordered across kinds in OPA's sort order
 * (null &lt; boolean &lt; number &lt; string &lt; array &lt; object &lt; set), so sets and object keys
 * iterate deterministically and output matches {@code opa eval}.
 */
public sealed interface Value extends Comparable<Value>
        permits NullValue, BooleanValue, NumberValue, StringValue, ArrayValue, ObjectValue, SetValue {

    /** Position of this kind in OPA's cross-kind sort order. */
    int kindOrder();

    /** The name {@code type_name} returns: "null", "boolean", "number", "string", "array", "object", "set". */
    String typeName();

    @Override
    default int compareTo(Value other) {
        int byKind = Integer.compare(kindOrder(), other.kindOrder());
        return byKind != 0 ? byKind : compareSameKind(other);
    }

    /** Compares with a value of the same kind. */
    int compareSameKind(Value other);
}
