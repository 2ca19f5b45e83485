package io.maestro.conductor.bench.payments;

import io.maestro.conductor.sandbox.stripe.StripeSandbox;

/**
 * The Stripe sandbox as a process of its own, for benchmarks whose heap must be the measured code's alone (the
 * sandbox keeps every object, event and recorded request of 10,000 tenants in memory). Prints its API base on the
 * first line of stdout and stops when stdin closes.
 *
 * <p>Argument: the secret key it accepts.
 */
public final class StripeSandboxMain {

    private StripeSandboxMain() {}

    public static void main(String[] args) throws Exception {
        try (StripeSandbox sandbox = StripeSandbox.start(args[0])) {
            System.out.println(sandbox.apiBase());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes stdin (or dies)
            }
        }
    }
}
