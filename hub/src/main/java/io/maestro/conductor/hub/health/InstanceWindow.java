package io.maestro.conductor.hub.health;

import io.maestro.conductor.adapter.health.CallCounts;
import io.maestro.conductor.adapter.health.LatencyBuckets;

/**
 * One instance's recent calls on this hub, in two half-window slots: the window's figures are both slots summed,
 * so they cover between half the window and all of it, and the oldest half drops off at each turn. Two slots per
 * instance keep memory flat at any call rate (a ring of per-flush counts would grow with the window).
 */
final class InstanceWindow {

    private final String instanceId;
    private final String category;
    private final long slotMillis;
    private long slotStart;
    private Slot current = new Slot();
    private Slot previous = new Slot();
    private long lastSuccessMillis;
    private String lastErrorCode;
    private long lastErrorMillis;
    private long writtenMillis;
    private boolean changed = true;

    private static final class Slot {
        long requests;
        long errors;
        long denials;
        final long[] buckets = new long[LatencyBuckets.COUNT];

        boolean isEmpty() {
            return requests == 0 && denials == 0;
        }
    }

    InstanceWindow(String instanceId, String category, long windowMillis, long nowMillis) {
        this.instanceId = instanceId;
        this.category = category;
        this.slotMillis = windowMillis / 2;
        this.slotStart = nowMillis;
    }

    /** Adds what was drained since the last flush, turning the slots first when their time is up. */
    void add(CallCounts drained, long nowMillis) {
        turn(nowMillis);
        if (!drained.isEmpty()) {
            current.requests += drained.requests();
            current.errors += drained.errors();
            current.denials += drained.denials();
            long[] counts = drained.latencyBuckets();
            for (int i = 0; i < counts.length; i++) {
                current.buckets[i] += counts[i];
            }
            changed = true;
        }
        if (drained.lastSuccessMillis() != lastSuccessMillis || drained.lastErrorMillis() != lastErrorMillis) {
            lastSuccessMillis = drained.lastSuccessMillis();
            lastErrorCode = drained.lastErrorCode();
            lastErrorMillis = drained.lastErrorMillis();
            changed = true;
        }
    }

    private void turn(long nowMillis) {
        long elapsed = nowMillis - slotStart;
        if (elapsed < slotMillis) {
            return;
        }
        boolean hadCalls = !current.isEmpty() || !previous.isEmpty();
        previous = elapsed < 2 * slotMillis ? current : new Slot();
        current = new Slot();
        slotStart = nowMillis;
        changed |= hadCalls;
    }

    /** Whether the cluster's copy must be written: the window changed, or the copy is older than {@code refreshMillis}. */
    boolean needsWrite(long nowMillis, long refreshMillis) {
        return changed || nowMillis - writtenMillis >= refreshMillis;
    }

    MemberInstanceStats written(String member, long nowMillis) {
        changed = false;
        writtenMillis = nowMillis;
        long[] buckets = new long[LatencyBuckets.COUNT];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = current.buckets[i] + previous.buckets[i];
        }
        return new MemberInstanceStats(
                member,
                instanceId,
                category,
                current.requests + previous.requests,
                current.errors + previous.errors,
                current.denials + previous.denials,
                buckets,
                lastSuccessMillis,
                lastErrorCode,
                lastErrorMillis,
                nowMillis);
    }
}
