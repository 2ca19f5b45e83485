package io.maestro.conductor.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DecisionLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EmbeddedDecisionPoint PDP = RepositoryBundles.decisionPoint();

    private final Logger logger = (Logger) LoggerFactory.getLogger(DecisionLog.LOGGER);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
    }

    @Test
    void everyDecisionIsOneEntryInOpasShape() throws Exception {
        Instant before = Instant.now();
        Decision d = PDP.decide(DecisionRequest.ofJson("residency/decision", Inputs.MISMATCHED_WRITE));

        JsonNode entry = onlyEntry();
        assertThat(entry.get("decision_id").asText()).isEqualTo(d.decisionId());
        assertThat(entry.get("path").asText()).isEqualTo("residency/decision");
        assertThat(entry.at("/input/data/region").asText()).isEqualTo("eu-central-1");
        assertThat(entry.at("/result/code").asText()).isEqualTo("RESIDENCY_MISMATCH");
        assertThat(entry.at("/result/allow").asBoolean(true)).isFalse();
        assertThat(Instant.parse(entry.get("timestamp").asText())).isBetween(before, Instant.now());
        assertThat(entry.at("/metrics/timer_rego_query_eval_ns").asLong())
                .isEqualTo(d.duration().toNanos())
                .isPositive();
        assertThat(entry.at("/labels/mode").asText()).isEqualTo("embedded");
        assertThat(entry.has("error")).isFalse();
    }

    @Test
    void secretLookingInputFieldsAreRedactedAtAnyDepthAndCase() throws Exception {
        String input = """
        {"tenant": "atlas", "password": "hunter2", "nested": {"API_KEY": "k-123", "list": [{"clientSecret": "s-1"}],
         "Authorization": "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "refresh-token": "t-9", "privateKey": {"pem": "x"},
         "credentials": ["a", "b"], "region": "eu-west-1"}}
        """;
        PDP.decide(DecisionRequest.ofJson("residency/decision", input));

        String line = captured.list.get(0).getFormattedMessage();
        for (String secret :
                List.of("hunter2", "k-123", "s-1", "YWxhZGRpbjpvcGVuc2VzYW1l", "t-9", "\"pem\"", "\"a\"")) {
            assertThat(line).doesNotContain(secret);
        }
        JsonNode entry = JSON.readTree(line);
        assertThat(entry.at("/input/password").asText()).isEqualTo(SecretMask.REDACTED);
        assertThat(entry.at("/input/nested/API_KEY").asText()).isEqualTo(SecretMask.REDACTED);
        assertThat(entry.at("/input/nested/list/0/clientSecret").asText()).isEqualTo(SecretMask.REDACTED);
        assertThat(entry.at("/input/nested/privateKey").asText()).isEqualTo(SecretMask.REDACTED);
        assertThat(entry.at("/input/nested/credentials").asText()).isEqualTo(SecretMask.REDACTED);
        assertThat(entry.at("/input/nested/region").asText()).isEqualTo("eu-west-1");
        assertThat(entry.at("/input/tenant").asText()).isEqualTo("atlas");
    }

    @Test
    void anUnavailableDecisionCarriesItsError() throws Exception {
        Decision d = PDP.decide(DecisionRequest.ofJson("residency/missing", Inputs.ALLOWED_WRITE));

        JsonNode entry = onlyEntry();
        assertThat(entry.get("decision_id").asText()).isEqualTo(d.decisionId());
        assertThat(entry.has("result")).isFalse();
        assertThat(entry.at("/error/code").asText()).isEqualTo("POLICY_UNAVAILABLE");
        assertThat(entry.at("/error/message").asText())
                .isEqualTo("policy residency/missing is undefined for this input");
    }

    private JsonNode onlyEntry() throws Exception {
        assertThat(captured.list).hasSize(1);
        return JSON.readTree(captured.list.get(0).getFormattedMessage());
    }
}
