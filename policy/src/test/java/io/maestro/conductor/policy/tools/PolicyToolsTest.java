package io.maestro.conductor.policy.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyToolsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeBundle() throws IOException {
        Files.createDirectories(dir.resolve("authz/roles"));
        Files.writeString(dir.resolve("authz/policy.rego"), """
        package authz
        default allow := false
        allow if input.user in data.authz.roles.admins
        """);
        Files.writeString(dir.resolve("authz/policy_test.rego"), """
        package authz
        test_admin if allow with input as {"user": "ann"}
        test_guest if not allow with input as {"user": "guest"}
        test_wrong if allow with input as {"user": "bob"}
        """);
        Files.writeString(dir.resolve("authz/roles/data.json"), "{\"admins\": [\"ann\"]}");
    }

    private String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private PrintStream stream(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    @Test
    void testRunnerRunsTestRulesAndEndsWithTotals() {
        int exit = RegoTestRunner.run(dir, stream(out));
        List<String> lines = text(out).lines().toList();
        assertThat(exit).isEqualTo(1);
        assertThat(lines).contains("FAIL data.authz.test_wrong: undefined");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("2 passed, 1 failed");
    }

    @Test
    void testRunnerReportsCompileErrors() throws IOException {
        Files.writeString(dir.resolve("authz/broken_test.rego"), "package authz\ntest_x if { y }\n");
        int exit = RegoTestRunner.run(dir, stream(out));
        assertThat(exit).isEqualTo(1);
        assertThat(text(out)).contains("broken_test.rego:2: rego_compile_error: var y is unsafe");
        assertThat(text(out).strip()).endsWith("failed");
    }

    @Test
    void evalPrintsOpaEvalJson() throws IOException {
        Path input = Files.writeString(Files.createTempFile("input", ".json"), "{\"user\": \"ann\"}");
        int exit = RegoEvalCommand.run(List.of(dir), input, "data.authz.allow", stream(out), stream(err));
        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(text(out));
        JsonNode expr = json.at("/result/0/expressions/0");
        assertThat(expr.get("value").asBoolean()).isTrue();
        assertThat(expr.get("text").asText()).isEqualTo("data.authz.allow");
        assertThat(expr.at("/location/row").asInt()).isEqualTo(1);
        assertThat(text(out)).contains("\"value\": true");
    }

    @Test
    void evalReportsBindingsFalseValuesAndUndefined() throws IOException {
        Path authz = dir.resolve("authz");
        RegoEvalCommand.run(List.of(authz), null, "x := data.roles.admins[i]", stream(out), stream(err));
        JsonNode json = new ObjectMapper().readTree(text(out));
        assertThat(json.at("/result/0/bindings/x").asText()).isEqualTo("ann");
        assertThat(json.at("/result/0/bindings/i").asInt()).isZero();

        out.reset();
        RegoEvalCommand.run(List.of(authz), null, "data.authz.allow", stream(out), stream(err));
        assertThat(new ObjectMapper()
                        .readTree(text(out))
                        .at("/result/0/expressions/0/value")
                        .asBoolean(true))
                .isFalse();

        out.reset();
        RegoEvalCommand.run(List.of(authz), null, "data.authz.nothing", stream(out), stream(err));
        assertThat(text(out).strip()).isEqualTo("{}");
    }

    @Test
    void evalReportsErrorsOnStderrWithExitOne() {
        int exit = RegoEvalCommand.run(List.of(dir), null, "x := ", stream(out), stream(err));
        assertThat(exit).isEqualTo(1);
        assertThat(text(err)).contains("rego_parse_error");
        assertThat(text(out)).isEmpty();
    }
}
