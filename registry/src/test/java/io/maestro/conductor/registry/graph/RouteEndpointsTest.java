package io.maestro.conductor.registry.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteEndpointsTest {

    /** A guard against hangs, not a speed measurement (bench/ measures speed). */
    private static final Duration GUARD = Duration.ofSeconds(10);

    @Test
    void readsEveryEndpointKeyWithItsParametersInDocumentOrder() {
        String yaml = """
                - route:
                    id: r1
                    from:
                      uri: timer:tick
                      parameters:
                        period: 1000
                        repeatCount: 2
                      steps:
                        - to: storage:put_object?instance=evidence
                        - toD:
                            uri: storage:get_object
                            parameters: {instance: archive}
                        - wireTap: log:audit
                """;
        assertThat(RouteEndpoints.of(yaml))
                .containsExactly(
                        "timer:tick?period=1000&repeatCount=2",
                        "storage:put_object?instance=evidence",
                        "storage:get_object?instance=archive",
                        "log:audit");
    }

    @Test
    void anAliasOfAPlainValueReadsAsThatValue() {
        String yaml = """
                defaults:
                  target: &target storage:put_object?instance=evidence
                route:
                  from: {uri: direct:in, steps: [{to: *target}]}
                """;
        assertThat(RouteEndpoints.of(yaml)).containsExactly("direct:in", "storage:put_object?instance=evidence");
    }

    @Test
    void anAliasBombIsNeverExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        char previous = 'a';
        for (char level = 'b'; level <= 'z'; level++) {
            bomb.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = level;
        }
        bomb.append("route: {from: {uri: direct:in, steps: [{to: *z}]}}\n");
        List<String> uris = assertTimeoutPreemptively(GUARD, () -> RouteEndpoints.of(bomb.toString()));
        assertThat(uris).containsExactly("direct:in");
    }

    @Test
    void nestingDeeperThanTheBoundIsRefused() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> assertTimeoutPreemptively(GUARD, () -> RouteEndpoints.of(deep)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.WORKFLOW_INVALID);
                    assertThat(e.getMessage()).contains("nested deeper than " + RouteEndpoints.MAX_DEPTH);
                });
        String nested = "a:\n" + "  ".repeat(1) + "b: 1\n";
        assertThat(RouteEndpoints.of(nested)).isEmpty();
    }

    @Test
    void aDocumentOverTheBoundIsRefusedBeforeParsing() {
        String huge = "x".repeat(RouteEndpoints.MAX_CODE_POINTS + 1);
        assertThatThrownBy(() -> RouteEndpoints.of(huge))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.getMessage()).contains("longer than " + RouteEndpoints.MAX_CODE_POINTS));
    }

    @Test
    void oneLongTokenJustUnderTheBoundIsRead() {
        // One 3 MiB token: with the parser's default 1 KiB buffer this took seconds (its window copy is quadratic).
        String token = "to: direct:" + "x".repeat(RouteEndpoints.MAX_CODE_POINTS - 20);
        List<String> uris = assertTimeoutPreemptively(GUARD, () -> RouteEndpoints.of(token));
        assertThat(uris).singleElement().asString().hasSize(RouteEndpoints.MAX_CODE_POINTS - 20 + "direct:".length());
    }

    @Test
    void aSyntaxErrorNamesTheProblemAndPlaceButDoesNotQuoteTheDocument() {
        String canary = "canary-" + System.nanoTime();
        assertThatThrownBy(() -> RouteEndpoints.of("route:\n  from: [" + canary + "\n  to: {"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.WORKFLOW_INVALID);
                    assertThat(e.getMessage()).contains("line").doesNotContain(canary);
                });
    }
}
