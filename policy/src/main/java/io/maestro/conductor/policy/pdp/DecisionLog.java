package io.maestro.conductor.policy.pdp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.policy.rego.value.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each decision as one JSON line in OPA's decision-log shape on the logger {@value #LOGGER}:
 * {@code decision_id}, {@code path}, {@code input} (secret-looking fields masked, see {@link SecretMask}),
 * {@code result}, {@code timestamp}, {@code metrics.timer_rego_query_eval_ns}, {@code labels.mode} and, when
 * no decision was reached, {@code error} with code and message. Find a decision by grepping its id.
 */
public final class DecisionLog {
    public static final String LOGGER = "conductor.decisions";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Logger logger;

    public DecisionLog() {
        this(LoggerFactory.getLogger(LOGGER));
    }

    /** Logs to the given logger instead (e.g. a no-op one where logging is measured separately). */
    public DecisionLog(Logger logger) {
        this.logger = logger;
    }

    public void record(Decision decision, Value input, String mode) {
        write(
                decision.decisionId(),
                decision.path(),
                input,
                decision.result(),
                decision.duration(),
                mode,
                decision.unavailable() ? String.join("; ", decision.reasons()) : null);
    }

    /** One entry; {@code error} is null when the query ran, else why no decision was reached. */
    void write(
            String decisionId,
            String path,
            Value input,
            Optional<Value> result,
            Duration duration,
            String mode,
            String error) {
        if (!logger.isInfoEnabled()) return;
        logger.info(entry(decisionId, path, input, result, duration, mode, error, Instant.now()));
    }

    static String entry(
            String decisionId,
            String path,
            Value input,
            Optional<Value> result,
            Duration duration,
            String mode,
            String error,
            Instant timestamp) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("decision_id", decisionId);
        entry.put("path", path);
        if (input != null) entry.set("input", SecretMask.mask(input));
        result.ifPresent(value -> entry.set("result", SecretMask.mask(value)));
        entry.put("timestamp", timestamp.toString());
        entry.putObject("metrics").put("timer_rego_query_eval_ns", duration.toNanos());
        entry.putObject("labels").put("mode", mode);
        if (error != null) {
            ObjectNode failure = entry.putObject("error");
            failure.put("code", Decision.POLICY_UNAVAILABLE);
            failure.put("message", error);
        }
        try {
            return MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
