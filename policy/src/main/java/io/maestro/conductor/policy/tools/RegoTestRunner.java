package io.maestro.conductor.policy.tools;

import io.maestro.conductor.policy.rego.QueryOptions;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.ast.Module;
import io.maestro.conductor.policy.rego.ast.Rule;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import io.maestro.conductor.policy.rego.parse.Parser;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the {@code test_*} rules of a policy directory like {@code opa test}: a test passes when its rule
 * is {@code true}. Prints one line per failing test and a last line {@code N passed, M failed}.
 */
public final class RegoTestRunner {
    private RegoTestRunner() {}

    public static int run(Path dir, PrintStream out) {
        PolicyFiles files;
        try {
            files = PolicyFiles.load(List.of(dir));
        } catch (IOException | RegoException e) {
            out.println("cannot load " + dir + ": " + e.getMessage());
            out.println("0 passed, 1 failed");
            return 1;
        }
        Set<String> tests;
        RegoEngine engine;
        try {
            tests = testRules(files.modules);
            engine = RegoEngine.compile(files.modules, files.data());
        } catch (RegoException e) {
            e.errors().forEach(err -> out.println(err));
            out.println("0 passed, " + Math.max(1, countTests(files.modules)) + " failed");
            return 1;
        }
        int passed = 0;
        int failed = 0;
        for (String test : tests) {
            List<String> printed = new ArrayList<>();
            QueryOptions options = QueryOptions.defaults()
                    .withContext(new BuiltinContext(BuiltinContext.now().nowNanos(), java.util.Map.of(), printed::add));
            String verdict;
            try {
                Optional<Value> v = engine.evaluate(test, null, options);
                verdict = v.isEmpty() ? "undefined" : v.get().equals(BooleanValue.TRUE) ? null : "got " + v.get();
            } catch (RegoException e) {
                verdict = "ERROR " + e.getMessage();
            }
            if (verdict == null) {
                passed++;
            } else {
                failed++;
                out.println("FAIL " + test + ": " + verdict);
                printed.forEach(line -> out.println("  " + line));
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static int countTests(List<RegoModule> modules) {
        try {
            return testRules(modules).size();
        } catch (RegoException e) {
            return 0;
        }
    }

    /** {@code data.pkg.test_x} for each distinct test rule, in file order. */
    private static Set<String> testRules(List<RegoModule> modules) {
        Set<String> out = new LinkedHashSet<>();
        List<RegoError> errors = new ArrayList<>();
        for (RegoModule m : modules) {
            Module parsed;
            try {
                parsed = Parser.parseModule(m.fileName(), m.source());
            } catch (RegoException e) {
                errors.addAll(e.errors());
                continue;
            }
            for (Rule r : parsed.rules()) {
                String name = ((StringValue) ((Term.Scalar) r.ref().get(0)).value()).value();
                if (name.startsWith("test_") && r.ref().size() == 1 && r.kind() == Rule.Kind.SINGLE) {
                    out.add("data." + String.join(".", parsed.pkg()) + "." + name);
                }
            }
        }
        if (!errors.isEmpty()) throw new RegoException(errors);
        return out;
    }
}
