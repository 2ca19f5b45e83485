package io.maestro.conductor.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.maestro.conductor.hub.evidence.EvidenceRequestException;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Every request body is bounded while it is read ({@code conductor.api.max-body-bytes}, 1 MB by default, with
 * per-path overrides), whether or not the client declares its length, and workflow YAML is read in bounded time
 * (alias bombs: {@code RouteEndpointsTest} in the registry and {@link AdminApiFuzzTest}).
 */
class RequestBodyLimitTest extends HubIntegrationTest {

    private static final String VALIDATE = "/api/tenants/atlas/environments/dev/workflows/validate";
    private static final int LIMIT = 1024 * 1024;
    /** A guard against hangs, not a speed measurement. */
    private static final Duration GUARD = Duration.ofSeconds(20);

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedWith413() {
        String yaml = "route:\n  from:\n    uri: \"direct:" + "x".repeat(LIMIT) + "\"\n";
        Answer answer = api.post(VALIDATE, OPERATOR, operatorPassword(), "application/yaml", yaml);
        assertTooLarge(answer, LIMIT);
    }

    @Test
    void aChunkedBodyIsCountedWhileReadAndRefusedPastTheLimit() {
        byte[] yaml = ("route:\n  from:\n    uri: \"direct:" + "y".repeat(LIMIT + 64 * 1024) + "\"\n")
                .getBytes(StandardCharsets.UTF_8);
        assertTooLarge(api.postChunked(VALIDATE, ATLAS_USER, ATLAS_PASSWORD, "application/yaml", yaml), LIMIT);

        byte[] json = ("{\"value\": \"" + "z".repeat(LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertTooLarge(
                api.postChunked("/v1/data/conductor", OPERATOR, operatorPassword(), "application/json", json), LIMIT);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadWhole() {
        byte[] yaml =
                "route:\n  from:\n    uri: direct:in\n    steps:\n      - to: storage:put_object?instance=evidence\n"
                        .getBytes(StandardCharsets.UTF_8);
        Answer answer = api.postChunked(VALIDATE, ATLAS_USER, ATLAS_PASSWORD, "application/yaml", yaml);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void thePathOverrideLetsEvidenceBundlesBeLarger() {
        char[] filler = new char[LIMIT + 1024];
        Arrays.fill(filler, 'A');
        // Read whole and refused by the evidence parser (no classification), so nothing is uploaded.
        String bundle = "{\"region\": \"eu-west-1\", \"files\": [{\"name\": \"a.bin\", \"content\": \""
                + new String(filler) + "\"}]}";
        Answer answer = api.post(
                "/api/tenants/atlas/environments/dev/evidence",
                OPERATOR,
                operatorPassword(),
                "application/json",
                bundle);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo(EvidenceRequestException.CODE);
        assertThat(answer.json().path("detail").asText()).contains("classification");
    }

    @Test
    void aWorkflowNestedTooDeepIsA400Problem() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        Answer answer = assertTimeoutPreemptively(
                GUARD, () -> api.post(VALIDATE, ATLAS_USER, ATLAS_PASSWORD, "application/yaml", deep));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).isEqualTo("WORKFLOW_INVALID");
    }

    @Test
    void aWorkflowOfNestedAliasesIsReadWithoutExpandingThem() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 12; level++) { // 9^13 values if every alias were expanded
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [");
            yaml.append(String.join(", ", Collections.nCopies(9, previous))).append("]\n");
        }
        yaml.append("target: &t storage:put_object?instance=no-such-instance\n")
                .append("route:\n  from:\n    uri: direct:in\n    steps:\n      - to: *t\n      - to: *a12\n");

        Answer answer = assertTimeoutPreemptively(
                GUARD, () -> api.post(VALIDATE, ATLAS_USER, ATLAS_PASSWORD, "application/yaml", yaml.toString()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("valid").asBoolean()).isFalse();
        assertThat(answer.body())
                .as("an alias of a plain value reads as that value")
                .contains("no-such-instance");
    }

    private static void assertTooLarge(Answer answer, long limit) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(answer.json().path("limitBytes").asLong()).isEqualTo(limit);
        assertThat(answer.body()).doesNotContain("Exception");
    }
}
