package io.maestro.conductor.policy.pdp;

import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;

/**
 * The Rego modules and base data read from a set of bundle directories, with a fingerprint of their
 * content (SHA-256 over every file's relative path and bytes) that changes whenever any of them does.
 */
public record PolicyBundles(List<RegoModule> modules, Value data, String fingerprint) {

    public PolicyBundles {
        modules = List.copyOf(modules);
    }

    /** Compiles them into one engine, or throws a {@link BundleException} with every compile error. */
    public RegoEngine compile() {
        try {
            return RegoEngine.compile(modules, data);
        } catch (RegoException e) {
            throw new BundleException(
                    e.errors().stream().map(RegoError::toString).toList(), e);
        }
    }
}
