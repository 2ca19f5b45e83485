package io.maestro.conductor.adapter;

/**
 * A stable error code of adapter calls. Codes are part of the API (routes match on them, the admin API renders
 * them): never rename one. The SPI's own codes are {@link SpiErrorCode}; each component declares its codes in its
 * own enum implementing this interface (e.g. {@code StorageErrorCode}), so a new category touches no shared file.
 *
 * <p>Every code has a neutral {@link Kind}: what the SPI, the verifier and error handlers decide on without
 * knowing the category.
 */
public interface AdapterErrorCode {

    /** The neutral meaning of a code, shared by all categories. */
    enum Kind {
        /** The thing asked for, or the instance, secret or container it lives in, does not exist. */
        NOT_FOUND(false),
        /** Credentials or policy refused the call. */
        REFUSED(false),
        /** The peer (or the decision point) could not be reached. */
        UNREACHABLE(true),
        /** The request, the name or the instance config is malformed. */
        INVALID(false),
        /** The call clashes with the peer's state (already exists, version moved on). */
        CONFLICT(false),
        /** The peer asks to slow down. */
        THROTTLED(true),
        /** The peer failed without saying why (5xx); may work later. */
        FAILED(true);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** True when the same call may succeed later without any change. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    /**
     * What a code means to the SPI, held by each constant of a code enum ({@code STORAGE_UNREACHABLE(
     * Spec.instanceFault(UNREACHABLE))}), so the enums carry no fields and getters of their own.
     *
     * @param kind          the neutral meaning
     * @param instanceFault the failure says the instance cannot serve anyone (peer down, credentials refused, bucket
     *                      gone, config broken), as opposed to one bad request or a policy answer
     */
    record Spec(Kind kind, boolean instanceFault) {

        /** A code about one call. */
        public static Spec of(Kind kind) {
            return new Spec(kind, false);
        }

        /** A code that says the instance cannot serve anyone. */
        public static Spec instanceFault(Kind kind) {
            return new Spec(kind, true);
        }
    }

    /** The code as routes and the API see it, e.g. {@code STORAGE_NOT_FOUND}. */
    String name();

    Spec spec();

    default Kind kind() {
        return spec().kind();
    }

    /** Drives the adapters' health check: see {@link Spec#instanceFault()}. */
    default boolean isInstanceFault() {
        return spec().instanceFault();
    }

    /** True when the same call may succeed later without any change (peer down, decision point down). */
    default boolean isTransient() {
        return kind().isTransient();
    }
}
