package io.maestro.conductor.eventbus;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits on a condition the broker makes true eventually (never a fixed sleep in place of it). */
final class Waits {

    private Waits() {}

    static void waitFor(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
