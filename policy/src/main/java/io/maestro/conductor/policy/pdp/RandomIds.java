package io.maestro.conductor.policy.pdp;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs from the calling thread's own generator, for ids that must be unique but need not be
 * unguessable (decision ids, correlation ids): {@link UUID#randomUUID()} takes the shared SecureRandom on every
 * call, a measurable share of a cached policy decision.
 */
public final class RandomIds {

    private RandomIds() {}

    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
