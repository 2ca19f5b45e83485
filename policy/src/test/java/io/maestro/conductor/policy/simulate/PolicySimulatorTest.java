package io.maestro.conductor.policy.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String POLICY = """
      package governance.lifecycle
      import rego.v1
      default allow := false
      allow if input.action == "install"
      decision := {"allow": allow, "code": code, "reasons": reasons, "requires_approval": false}
      code := null if allow
      code := "LIFECYCLE_DENIED" if not allow
      reasons := [] if allow
      reasons := ["only installs"] if not allow
      """;

    @Test
    void aMismatchIsOneLineAndTheCountsCloseTheReport(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lifecycle.rego"), POLICY);
        Files.createDirectories(dir.resolve("simulations"));
        Files.writeString(dir.resolve("simulations/suite.yaml"), """
        defaults: {tenant: t}
        scenarios:
          - name: install passes
            input: {action: install}
            expect: {allow: true, code: null, reasons: []}
          - name: uninstall expected allowed
            input: {action: uninstall}
            expect: {allow: true, code: null, reasons: []}
        """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = SimulateCommand.run(
                dir.resolve("simulations"), List.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        "suite.yaml: uninstall expected allowed: expected allow=true code=null reasons=[], got allow=false "
                                + "code=LIFECYCLE_DENIED reasons=[only installs] requires_approval=false",
                        "1 passed, 1 failed");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void aProposedBundleCannotReachTheNetwork() {
        assertThatThrownBy(() -> PolicySimulator.compile(
                        List.of(new RegoModule("hostile.rego", """
        package hostile
        import rego.v1
        decision := {"allow": count(net.lookup_ip_addr("example.com")) > 0}
        """)),
                        ObjectValue.EMPTY,
                        10_000,
                        Duration.ofMillis(200)))
                .isInstanceOf(RegoException.class)
                .hasMessageContaining("net.lookup_ip_addr");
    }

    @Test
    void aProposedBundleThatRunsTooLongGivesNoDecisionInsteadOfHanging() throws IOException {
        PolicySimulator simulator = PolicySimulator.compile(
                List.of(new RegoModule("spin.rego", """
        package spin
        import rego.v1
        decision := {"allow": count([x | some a in numbers.range(1, 3000); some b in numbers.range(1, 3000); x := a * b]) > 0}
        """)), ObjectValue.EMPTY, 10_000, Duration.ofMillis(200));

        SimulatedDecision got = simulator.decide("spin/decision", JSON.readTree("{}"));

        assertThat(got.error()).isNotNull();
        assertThat(got.allow()).isFalse();
    }

    @Test
    void aFormatWidthOrPrecisionTooLargeIsGosMarkerNotAGigabyteOfPadding() throws IOException {
        PolicySimulator simulator = PolicySimulator.compile(
                List.of(new RegoModule("pad.rego", """
        package pad
        import rego.v1
        decision := {"allow": false, "reasons": [
          sprintf("%*d", [2000000000, 1]),
          sprintf("%.*f", [2000000000, 1.5]),
          sprintf("%2000000000d", [1]),
          sprintf("%.2000000000f", [1.5]),
          sprintf("%99999999999999999999d|", [1]),
          sprintf("%v", [sprintf("%*d", [1000000, 1]) == sprintf("%1000000d", [1])]),
          sprintf("%v", [sprintf("%.*d", [1000000, 1]) == sprintf("%.1000000d", [1])])
        ]}
        """)), ObjectValue.EMPTY, 10_000, Duration.ofSeconds(5));

        SimulatedDecision got = simulator.decide("pad/decision", JSON.readTree("{}"));

        assertThat(got.error()).isNull();
        assertThat(got.reasons())
                .containsExactly(
                        "%!(BADWIDTH)1",
                        "%!(BADPREC)1.500000",
                        "%!(NOVERB)%!(EXTRA int=1)",
                        "%!(NOVERB)%!(EXTRA float64=1.5)",
                        "%!(NOVERB)%!(EXTRA int=1)",
                        "true",
                        "true");
    }

    @Test
    void aBuiltinAskedForMoreThanTheHeapGivesNoDecisionAndTheProcessCarriesOn() throws IOException {
        String module = "package amplify\nimport rego.v1\nmany := \"" + "y".repeat(1_000_000) + "\"\n"
                + "decision := {\"allow\": count(replace(\"" + "x".repeat(5_000) + "\", \"\", many)) > 0}\n";
        PolicySimulator simulator = PolicySimulator.compile(
                List.of(new RegoModule("amplify.rego", module)), ObjectValue.EMPTY, 10_000, Duration.ofSeconds(5));

        SimulatedDecision got = simulator.decide("amplify/decision", JSON.readTree("{}"));

        assertThat(got.error()).isNotNull();
        assertThat(got.allow()).isFalse();
        assertThat(simulator.decide("amplify/nothing", JSON.readTree("{}")).error())
                .isEqualTo("undefined");
    }

    @Test
    void aProposedBundleThatDoublesAStringUntilTheHeapIsGoneGivesNoDecision() throws IOException {
        StringBuilder rules =
                new StringBuilder("package grow\nimport rego.v1\ns0 := \"" + "x".repeat(100_000) + "\"\n");
        for (int k = 1; k <= 16; k++) {
            rules.append("s")
                    .append(k)
                    .append(" := concat(\"\", [s")
                    .append(k - 1)
                    .append(", s")
                    .append(k - 1)
                    .append("])\n");
        }
        rules.append("decision := {\"allow\": count(s16) > 0}\n");
        PolicySimulator simulator = PolicySimulator.compile(
                List.of(new RegoModule("grow.rego", rules.toString())),
                ObjectValue.EMPTY,
                10_000,
                Duration.ofMillis(200));

        SimulatedDecision got = simulator.decide("grow/decision", JSON.readTree("{}"));

        assertThat(got.error()).isNotNull();
        assertThat(got.allow()).isFalse();
    }
}
