package io.maestro.conductor.policy.rego.value;

public final class NullValue implements Value {
    public static final NullValue INSTANCE = new NullValue();

    private NullValue() {}

    @Override
    public int kindOrder() {
        return 0;
    }

    @Override
    public String typeName() {
        return "null";
    }

    @Override
    public int compareSameKind(Value other) {
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NullValue;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "null";
    }
}
