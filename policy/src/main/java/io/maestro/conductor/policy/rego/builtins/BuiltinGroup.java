package io.maestro.conductor.policy.rego.builtins;

import java.util.List;

/** A family of builtins (strings, aggregates, time, ...), each in its own class. */
public interface BuiltinGroup {
    List<BuiltinSpec> specs();
}
