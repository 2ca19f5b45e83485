package io.maestro.conductor.policy.rego;

import static io.maestro.conductor.policy.rego.Rego.engine;
import static io.maestro.conductor.policy.rego.Rego.eval;
import static io.maestro.conductor.policy.rego.Rego.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code # METADATA} blocks and {@code rego.metadata.rule()} / {@code rego.metadata.chain()}. */
class AnnotationsTest {

    private static String value(RegoEngine e, String path) {
        return Values.toJsonString(json(eval(e, path)));
    }

    private static String canonical(String json) {
        return Values.toJsonString(json(json));
    }

    @Test
    void ruleAndPackageScopes() {
        RegoEngine e = engine("""
        # METADATA
        # title: Residency
        # description: Where tenant data may live
        package residency

        # METADATA
        # title: Allow
        # custom:
        #   severity: HIGH
        #   codes: [1, 2]
        allow := rego.metadata.rule()

        chain := rego.metadata.chain()
        """);
        assertThat(value(e, "residency.allow")).isEqualTo(canonical("""
        {"scope": "rule", "title": "Allow", "custom": {"severity": "HIGH", "codes": [1, 2]}}"""));
        assertThat(value(e, "residency.chain")).isEqualTo(canonical("""
        [{"path": ["residency", "chain"]},
         {"path": ["residency"], "annotations": {"scope": "package", "title": "Residency",
                                                  "description": "Where tenant data may live"}}]"""));
    }

    @Test
    void ruleWithoutAnnotationsGetsAnEmptyObjectAndAPathOnlyEntry() {
        RegoEngine e = engine("""
        package t

        p if {
          rego.metadata.rule() == {}
          rego.metadata.chain()[0].path == ["t", "p"]
          count(rego.metadata.chain()) == 1
        }
        """);
        assertThat(eval(e, "t.p")).isEqualTo("true");
    }

    @Test
    void chainRunsFromTheRuleOutThroughDocumentPackageAndSubpackages() {
        RegoEngine e = engine("""
        # METADATA
        # scope: subpackages
        # title: root
        package a
        """, """
        # METADATA
        # scope: subpackages
        # title: a.b tree
        package a.b
        """, """
        # METADATA
        # title: a.b package
        package a.b

        # METADATA
        # scope: document
        # title: doc
        # entrypoint: true
        q := 1 if false

        # METADATA
        # title: far
        # METADATA
        # title: near
        q := rego.metadata.chain()
        """);
        assertThat(value(e, "a.b.q")).isEqualTo(canonical("""
        [{"path": ["a", "b", "q"], "annotations": {"scope": "rule", "title": "near"}},
         {"path": ["a", "b", "q"], "annotations": {"scope": "rule", "title": "far"}},
         {"path": ["a", "b", "q"], "annotations": {"scope": "document", "title": "doc", "entrypoint": true}},
         {"path": ["a", "b"], "annotations": {"scope": "package", "title": "a.b package"}},
         {"path": ["a", "b"], "annotations": {"scope": "subpackages", "title": "a.b tree"}},
         {"path": ["a"], "annotations": {"scope": "subpackages", "title": "root"}}]"""));
    }

    @Test
    void documentScopeIsInTheChainButNotTheRuleAnnotations() {
        RegoEngine e = engine("""
        package t

        # METADATA
        # scope: document
        # description: all of p
        p := 1 if false

        p := [rego.metadata.rule(), rego.metadata.chain()[1].annotations.description] if true
        """);
        assertThat(value(e, "t.p")).isEqualTo(canonical("[{}, \"all of p\"]"));
    }

    @Test
    void entrypointWithoutScopeOnARuleIsDocumentScope() {
        RegoEngine e = engine("""
        package t

        # METADATA
        # entrypoint: true
        p := rego.metadata.chain()[1].annotations.scope
        """);
        assertThat(eval(e, "t.p")).isEqualTo("\"document\"");
    }

    @Test
    void authorsRelatedResourcesAndOrganizationsTakeOpasShapes() {
        RegoEngine e = engine("""
        package t

        # METADATA
        # authors:
        # - Jane Doe <jane@example.com>
        # - name: John
        # - <only@example.com>
        # related_resources:
        # - https://example.com/a
        # - ref: https://example.com/b
        #   description: B
        # organizations:
        # - Acme
        p := rego.metadata.rule()
        """);
        assertThat(value(e, "t.p")).isEqualTo(canonical("""
        {"scope": "rule",
         "authors": [{"name": "Jane Doe", "email": "jane@example.com"}, {"name": "John"},
                     {"email": "only@example.com"}],
         "related_resources": [{"ref": "https://example.com/a"},
                               {"ref": "https://example.com/b", "description": "B"}],
         "organizations": ["Acme"]}"""));
    }

    @Test
    void functionsComprehensionsAndElseBranchesUseTheirOwnRule() {
        RegoEngine e = engine("""
        package t

        # METADATA
        # title: f
        f(x) := [x, rego.metadata.rule().title]

        # METADATA
        # title: g
        g(x) := rego.metadata.rule() if x == 1
        else := rego.metadata.rule()

        r := [f(1), [t | some t in [rego.metadata.chain()[0].path]], g(1), g(2)]
        """);
        assertThat(value(e, "t.r")).isEqualTo(canonical("""
        [[1, "f"], [["t", "r"]], {"scope": "rule", "title": "g"}, {}]"""));
    }

    @Test
    void callingFromAQueryIsABuiltinError() {
        RegoEngine e = engine("package t\n");
        assertThat(e.query("x := rego.metadata.chain()", null, QueryOptions.defaults())
                        .bindings())
                .isEmpty();
        assertThatThrownBy(() -> e.query(
                        "x := rego.metadata.rule()",
                        null,
                        QueryOptions.defaults().withStrictBuiltinErrors(true)))
                .isInstanceOfSatisfying(RegoException.class, ex -> {
                    assertThat(ex.code()).isEqualTo("eval_builtin_error");
                    assertThat(ex.getMessage()).contains("must only be called within the scope of a rule");
                });
    }

    @Test
    void invalidYamlIsAParseErrorAtTheBlock() {
        assertThatThrownBy(() -> engine("""
        package t

        # METADATA
        # title: [unclosed
        p := 1
        """)).isInstanceOfSatisfying(RegoException.class, ex -> {
            assertThat(ex.code()).isEqualTo(RegoException.PARSE_ERROR);
            assertThat(ex.errors().get(0).message()).startsWith("yaml: ");
            assertThat(ex.errors().get(0).line()).isBetween(3, 5);
        });
        assertThatThrownBy(() -> engine("""
        package t

        # METADATA
        # title:
        #   nested: map
        p := 1
        """))
                .isInstanceOfSatisfying(
                        RegoException.class,
                        ex -> assertThat(ex.errors().get(0).message()).contains("cannot unmarshal !!map into string"));
        assertThatThrownBy(() -> engine("package t\n\n# METADATA\n#\n#  \np := 1\n"))
                .isInstanceOfSatisfying(
                        RegoException.class,
                        ex -> assertThat(ex.errors().get(0).message())
                                .isEqualTo("expected METADATA block, found whitespace"));
    }

    @Test
    void unknownOrMisplacedScopesAreParseErrors() {
        assertThatThrownBy(() -> engine("package t\n\n# METADATA\n# scope: team\np := 1\n"))
                .isInstanceOfSatisfying(RegoException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(RegoException.PARSE_ERROR);
                    assertThat(ex.errors().get(0).message())
                            .isEqualTo(
                                    "invalid annotation scope 'team'. Use one of 'rule', 'document', 'package', or 'subpackages'");
                    assertThat(ex.errors().get(0).line()).isEqualTo(3);
                });
        assertThatThrownBy(() -> engine("# METADATA\n# scope: rule\npackage t\n"))
                .isInstanceOfSatisfying(
                        RegoException.class,
                        ex -> assertThat(ex.errors().get(0).message())
                                .isEqualTo("annotation scope 'rule' must be applied to rule (have package)"));
        assertThatThrownBy(() -> engine("package t\n\n# METADATA\n# scope: package\np := 1\n"))
                .isInstanceOfSatisfying(
                        RegoException.class,
                        ex -> assertThat(ex.errors().get(0).message())
                                .isEqualTo("annotation scope 'package' must be applied to package (have rule)"));
        assertThatThrownBy(() -> engine("package t\n\n# METADATA\n# entrypoint: true\n# scope: rule\np := 1\n"))
                .isInstanceOfSatisfying(
                        RegoException.class,
                        ex -> assertThat(ex.errors().get(0).message())
                                .isEqualTo("annotation entrypoint applied to non-document or package scope 'rule'"));
    }

    @Test
    void aPackageAnnotatedTwiceIsATypeError() {
        assertThatThrownBy(
                        () -> engine("# METADATA\n# title: one\npackage t\n", "# METADATA\n# title: two\npackage t\n"))
                .isInstanceOfSatisfying(RegoException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(RegoException.TYPE_ERROR);
                    assertThat(ex.errors().get(0).message()).isEqualTo("package annotation redeclared: m0.rego:1");
                });
    }

    @Test
    void plainCommentsAndIndentedMetadataAreIgnored() {
        String plain = """
        # A policy about residency.
        package t

        # title: not yaml: at all [
          # METADATA
          # scope: nonsense
        p := 1 # METADATA
        q if { # METADATA: ignored
          p == 1
        }
        """;
        RegoEngine e = engine(plain);
        assertThat(eval(e, "t.p")).isEqualTo("1");
        assertThat(eval(e, "t.q")).isEqualTo("true");
        assertThat(e.query("x := data.t", null, QueryOptions.defaults()).bindings())
                .extracting(r -> Values.toJsonString(r.get("x")))
                .containsExactly("{\"p\":1,\"q\":true}");
        assertThat(RegoEngine.compile(List.of(new RegoModule("a.rego", plain)), ObjectValue.EMPTY)
                        .packages())
                .containsExactly("t");
    }
}
