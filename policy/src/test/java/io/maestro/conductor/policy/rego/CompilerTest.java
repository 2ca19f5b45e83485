package io.maestro.conductor.policy.rego;

import static io.maestro.conductor.policy.rego.Rego.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompilerTest {

    private static RegoException compileError(String module) {
        try {
            engine(module);
        } catch (RegoException e) {
            return e;
        }
        throw new AssertionError("expected a compile error for:\n" + module);
    }

    @Test
    void unsafeVariablesAreReported() {
        RegoException e = compileError("package x\np if { x > 1 }\n");
        assertThat(e.code()).isEqualTo("rego_compile_error");
        assertThat(e.getMessage()).contains("m0.rego:2: rego_compile_error: var x is unsafe");
        assertThat(compileError("package x\np[y] := 1 if true\n").getMessage()).contains("var y is unsafe");
    }

    @Test
    void recursionIsRejected() {
        RegoException e = compileError("package r\np if q\nq if p\n");
        assertThat(e.code()).isEqualTo("rego_recursion_error");
        assertThat(e.getMessage()).contains("rule data.r.p is recursive: data.r.p -> data.r.q -> data.r.p");
        assertThat(compileError("package r\nf(x) := f(x - 1) if x > 0\n").code())
                .isEqualTo("rego_recursion_error");
    }

    @Test
    void typeErrorsForUnknownFunctionsArityAndConstantOperands() {
        assertThat(compileError("package t\np := nope(1)\n").getMessage())
                .contains("rego_type_error: undefined function nope");
        assertThat(compileError("package t\np := count(1, 2, 3)\n").getMessage())
                .contains("count: arity mismatch");
        RegoException kinds = compileError("package t\np := count(1)\n");
        assertThat(kinds.code()).isEqualTo("rego_type_error");
        assertThat(kinds.getMessage()).contains("count: operand 1 must be");
    }

    @Test
    void conflictingRuleKindsAndImportsAreCompileErrors() {
        assertThat(compileError("package k\np := 1\np contains 2\n").getMessage())
                .contains("conflicting rules data.k.p found");
        assertThat(compileError("package k\np := {\"a\": 1}\np.b := 2\n").getMessage())
                .contains("rego_type_error: rule data.k.p conflicts with [data.k.p.b]");
        assertThatThrownBy(() -> engine("package k\nimport foo.bar\np := 1\n"))
                .hasMessageContaining("rego_parse_error: invalid import");
    }

    @Test
    void allErrorsOfAllModulesAreReportedTogether() {
        RegoException e = compileError("package a\np if { x }\nq if { y }\n");
        assertThat(e.errors()).hasSize(2);
        assertThat(e.getMessage()).startsWith("2 errors occurred:");
    }

    @Test
    void importsAndAliasesResolve() {
        RegoEngine e = Rego.engineWithData("{\"cfg\": {\"max\": 2}}", """
        package a
        import data.cfg as c
        import input.user
        ok if count(user.roles) <= c.max
        """);
        assertThat(Rego.eval(e, "a.ok", "{\"user\": {\"roles\": [1]}}")).isEqualTo("true");
        assertThat(Rego.eval(e, "a.ok", "{\"user\": {\"roles\": [1, 2, 3]}}")).isEqualTo("undefined");
    }
}
