package io.maestro.conductor.identity.provisioning;

import java.time.Duration;

/** Waits between retries; tests record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
