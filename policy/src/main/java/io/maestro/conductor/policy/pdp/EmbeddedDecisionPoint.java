package io.maestro.conductor.policy.pdp;

import io.maestro.conductor.policy.rego.QueryOptions;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides in-process over a compiled {@link RegoEngine}. Thread-safe: the engine is immutable and a reload
 * swaps it atomically, so a query runs wholly on the old or wholly on the new policy.
 */
public final class EmbeddedDecisionPoint implements PolicyDecisionPoint {
  public static final String MODE = "embedded";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDecisionPoint.class);

  private final AtomicReference<RegoEngine> engine;
  private final DecisionLog decisionLog;
  private final Duration evalTimeout;
  private volatile BundleWatcher watcher;

  public EmbeddedDecisionPoint(RegoEngine engine, DecisionLog decisionLog, Duration evalTimeout) {
    this.engine = new AtomicReference<>(engine);
    this.decisionLog = decisionLog;
    this.evalTimeout = evalTimeout;
  }

  /** A decision point with no policy yet: every decision is {@code POLICY_UNAVAILABLE} until bundles load. */
  public static EmbeddedDecisionPoint empty(DecisionLog decisionLog, Duration evalTimeout) {
    return new EmbeddedDecisionPoint(RegoEngine.compile(List.of(), ObjectValue.EMPTY), decisionLog, evalTimeout);
  }

  /**
   * Loads the bundles in these directories now and keeps them current: a changed bundle is recompiled and
   * swapped in; one that fails to compile is rejected and the active engine stays (see {@link #bundleStatus()}).
   */
  public BundleWatcher watch(List<Path> bundleDirs, Duration pollInterval) {
    BundleWatcher started = new BundleWatcher(bundleDirs, this::swap);
    started.poll();
    started.start(pollInterval);
    BundleWatcher previous = watcher;
    watcher = started;
    if (previous != null) previous.close();
    return started;
  }

  /** The state of the watched bundles; empty when this point does not watch any. */
  public Optional<BundleStatus> bundleStatus() {
    BundleWatcher current = watcher;
    return current == null ? Optional.empty() : Optional.of(current.status());
  }

  public void swap(RegoEngine next) {
    engine.set(next);
  }

  public RegoEngine engine() {
    return engine.get();
  }

  @Override
  public String mode() {
    return MODE;
  }

  @Override
  public Decision decide(DecisionRequest request) {
    String decisionId = UUID.randomUUID().toString();
    long start = System.nanoTime();
    Decision decision;
    try {
      Optional<Value> result = run(request);
      decision = DecisionInterpreter.interpret(decisionId, request.path(), result, since(start));
    } catch (RuntimeException e) {
      // Fail closed: an evaluation error is a deny, never an exception for the caller.
      LOG.warn("decision {} on {} failed: {}", decisionId, request.path(), e.getMessage());
      decision = Decision.unavailable(decisionId, request.path(), Optional.empty(),
          "policy evaluation failed: " + e.getMessage(), since(start));
    }
    decisionLog.record(decision, request.input(), MODE);
    return decision;
  }

  /**
   * The raw result, for the Data API: evaluation errors propagate (as {@code RegoException}) so the caller can
   * render them. Logged in the decision log like any decision.
   */
  public Evaluation evaluate(DecisionRequest request) {
    String decisionId = UUID.randomUUID().toString();
    long start = System.nanoTime();
    try {
      Optional<Value> result = run(request);
      Evaluation evaluation = new Evaluation(decisionId, request.path(), result, since(start));
      decisionLog.write(decisionId, request.path(), request.input(), result, evaluation.duration(), MODE, null);
      return evaluation;
    } catch (RuntimeException e) {
      decisionLog.write(decisionId, request.path(), request.input(), Optional.empty(), since(start), MODE,
          e.getMessage());
      throw e;
    }
  }

  @Override
  public void close() {
    BundleWatcher current = watcher;
    if (current != null) current.close();
  }

  private Optional<Value> run(DecisionRequest request) {
    QueryOptions options = new QueryOptions(BuiltinContext.now(), QueryOptions.DEFAULT_MAX_STEPS, evalTimeout, false);
    return engine.get().evaluate(request.dataRef(), request.input(), options);
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
