package io.maestro.conductor.policy.pdp;

import io.maestro.conductor.policy.rego.value.Value;
import java.time.Duration;
import java.util.Optional;

/** A raw policy query's outcome, before any allow/deny reading: what the Data API returns. */
public record Evaluation(String decisionId, String path, Optional<Value> result, Duration duration) {}
