package io.maestro.conductor.policy.rego.value;

public record StringValue(String value) implements Value {
    public StringValue {
        if (value == null) throw new IllegalArgumentException("string value is null");
    }

    public static StringValue of(String s) {
        return new StringValue(s);
    }

    @Override
    public int kindOrder() {
        return 3;
    }

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public int compareSameKind(Value other) {
        return value.compareTo(((StringValue) other).value);
    }

    @Override
    public String toString() {
        return Values.toJsonString(this);
    }
}
