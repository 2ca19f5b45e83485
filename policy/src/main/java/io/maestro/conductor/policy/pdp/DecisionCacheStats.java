package io.maestro.conductor.policy.pdp;

/**
 * How often the embedded decision point reused a decision.
 *
 * @param hits   decisions answered from the cache since start
 * @param misses decisions evaluated because no reusable result was cached
 * @param size   results the active engine holds now (approximate)
 */
public record DecisionCacheStats(long hits, long misses, long size) {}
