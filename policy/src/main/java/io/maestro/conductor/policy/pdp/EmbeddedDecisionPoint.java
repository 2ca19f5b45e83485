package io.maestro.conductor.policy.pdp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.maestro.conductor.policy.rego.QueryOptions;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides in-process over a compiled {@link RegoEngine}. Thread-safe: the engine is immutable and a reload
 * swaps it atomically, so a query runs wholly on the old or wholly on the new policy.
 *
 * <p>Decisions are reused: an engine (policies plus data) is immutable, so a query that looked at nothing but
 * policy, data and input (no clock, randomness, runtime environment or print; see {@link BuiltinContext#isPure()})
 * gives the same result for the same path and input for as long as that engine is active. Each engine has its own
 * bounded cache, so a swap starts empty. Every decision, reused or not, gets its own decision id and its own
 * decision-log entry. A cache size of 0 turns reuse off.
 */
public final class EmbeddedDecisionPoint implements PolicyDecisionPoint {
    public static final String MODE = "embedded";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDecisionPoint.class);

    /** An engine and the results reused while it is active. */
    private record Active(RegoEngine engine, Cache<CacheKey, Optional<Value>> results) {}

    private record CacheKey(String path, Value input) {}

    private final AtomicReference<Active> active;
    private final DecisionLog decisionLog;
    private final Duration evalTimeout;
    private final int cacheSize;
    /** Hits and misses of engines swapped out, so the totals survive reloads. */
    private final AtomicReference<CacheStats> retiredStats = new AtomicReference<>(CacheStats.empty());

    private volatile BundleWatcher watcher;

    public EmbeddedDecisionPoint(RegoEngine engine, DecisionLog decisionLog, Duration evalTimeout) {
        this(engine, decisionLog, evalTimeout, PolicySettings.DEFAULT_DECISION_CACHE_SIZE);
    }

    /** @param cacheSize decisions kept per engine for reuse; 0 evaluates every decision afresh */
    public EmbeddedDecisionPoint(RegoEngine engine, DecisionLog decisionLog, Duration evalTimeout, int cacheSize) {
        if (cacheSize < 0) throw new IllegalArgumentException("decision cache size must be >= 0, got " + cacheSize);
        this.decisionLog = decisionLog;
        this.evalTimeout = evalTimeout;
        this.cacheSize = cacheSize;
        this.active = new AtomicReference<>(activate(engine));
    }

    /** A decision point with no policy yet: every decision is {@code POLICY_UNAVAILABLE} until bundles load. */
    public static EmbeddedDecisionPoint empty(DecisionLog decisionLog, Duration evalTimeout, int cacheSize) {
        return new EmbeddedDecisionPoint(
                RegoEngine.compile(List.of(), ObjectValue.EMPTY), decisionLog, evalTimeout, cacheSize);
    }

    public static EmbeddedDecisionPoint empty(DecisionLog decisionLog, Duration evalTimeout) {
        return empty(decisionLog, evalTimeout, PolicySettings.DEFAULT_DECISION_CACHE_SIZE);
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
        Active previous = active.getAndSet(activate(next));
        retiredStats.accumulateAndGet(previous.results().stats(), CacheStats::plus);
    }

    public RegoEngine engine() {
        return active.get().engine();
    }

    /** Reuse counts since start (over every engine) and the current engine's cached decisions. */
    public DecisionCacheStats cacheStats() {
        Active current = active.get();
        CacheStats total = retiredStats.get().plus(current.results().stats());
        return new DecisionCacheStats(
                total.hitCount(), total.missCount(), current.results().estimatedSize());
    }

    @Override
    public String mode() {
        return MODE;
    }

    @Override
    public Decision decide(DecisionRequest request) {
        String decisionId = RandomIds.uuid();
        long start = System.nanoTime();
        Decision decision;
        try {
            Optional<Value> result = reuseOrRun(request);
            decision = DecisionInterpreter.interpret(decisionId, request.path(), result, since(start));
        } catch (RuntimeException e) {
            // Fail closed: an evaluation error is a deny, never an exception for the caller.
            LOG.warn("decision {} on {} failed: {}", decisionId, request.path(), e.getMessage());
            decision = Decision.unavailable(
                    decisionId,
                    request.path(),
                    Optional.empty(),
                    "policy evaluation failed: " + e.getMessage(),
                    since(start));
        }
        decisionLog.record(decision, request.input(), MODE);
        return decision;
    }

    /**
     * The raw result, for the Data API: evaluation errors propagate (as {@code RegoException}) so the caller can
     * render them. Logged in the decision log like any decision.
     */
    public Evaluation evaluate(DecisionRequest request) {
        String decisionId = RandomIds.uuid();
        long start = System.nanoTime();
        try {
            Optional<Value> result = run(request);
            Evaluation evaluation = new Evaluation(decisionId, request.path(), result, since(start));
            decisionLog.write(decisionId, request.path(), request.input(), result, evaluation.duration(), MODE, null);
            return evaluation;
        } catch (RuntimeException e) {
            decisionLog.write(
                    decisionId, request.path(), request.input(), Optional.empty(), since(start), MODE, e.getMessage());
            throw e;
        }
    }

    @Override
    public void close() {
        BundleWatcher current = watcher;
        if (current != null) current.close();
    }

    private Active activate(RegoEngine engine) {
        return new Active(
                engine,
                Caffeine.newBuilder()
                        .maximumSize(cacheSize)
                        .recordStats()
                        // Evictions on the deciding thread: no pool thread for a cache this small, and the bound holds
                        // at once.
                        .executor(Runnable::run)
                        .build());
    }

    /** A reused result when this engine already answered the same pure query; else a fresh evaluation. */
    private Optional<Value> reuseOrRun(DecisionRequest request) {
        Active current = active.get();
        if (cacheSize == 0) return run(current.engine(), request, BuiltinContext.now());
        CacheKey key = new CacheKey(request.path(), request.input());
        Optional<Value> reused = current.results().getIfPresent(key);
        if (reused != null) return reused;
        BuiltinContext context = BuiltinContext.now();
        Optional<Value> result = run(current.engine(), request, context);
        if (context.isPure()) current.results().put(key, result);
        return result;
    }

    /** A fresh evaluation on the active engine (the Data API's raw results are never reused). */
    private Optional<Value> run(DecisionRequest request) {
        return run(active.get().engine(), request, BuiltinContext.now());
    }

    private Optional<Value> run(RegoEngine engine, DecisionRequest request, BuiltinContext context) {
        QueryOptions options = new QueryOptions(context, QueryOptions.DEFAULT_MAX_STEPS, evalTimeout, false);
        return engine.evaluate(request.dataRef(), request.input(), options);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
