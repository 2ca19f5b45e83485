package io.maestro.conductor.policy.rego.ast;

import java.util.List;

/**
 * A parsed module: package path (without {@code data}) and where it is declared, imports, rules and
 * {@code METADATA} annotations.
 */
public record Module(
        String file,
        List<String> pkg,
        Loc pkgLoc,
        List<Import> imports,
        List<Rule> rules,
        List<Annotation> annotations) {
    public Module {
        pkg = List.copyOf(pkg);
        imports = List.copyOf(imports);
        rules = List.copyOf(rules);
        annotations = List.copyOf(annotations);
    }

    public Module(String file, List<String> pkg, Loc pkgLoc, List<Import> imports, List<Rule> rules) {
        this(file, pkg, pkgLoc, imports, rules, List.of());
    }

    /** {@code import data.a.b as c}: path starts with {@code data} or {@code input}; alias is the local name. */
    public record Import(List<String> path, String alias, Loc loc) {}
}
