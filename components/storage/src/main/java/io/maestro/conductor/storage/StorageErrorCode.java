package io.maestro.conductor.storage;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.FAILED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.NOT_FOUND;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

import io.maestro.conductor.adapter.AdapterErrorCode;
import io.maestro.conductor.adapter.camel.HttpStatusCodes;
import java.util.Map;

/** The codes of {@code storage:} calls, beside the SPI's own ({@code SpiErrorCode}). */
public enum StorageErrorCode implements AdapterErrorCode {
    STORAGE_NOT_FOUND(Spec.of(NOT_FOUND)),
    STORAGE_ACCESS_DENIED(Spec.instanceFault(REFUSED)),
    STORAGE_UNREACHABLE(Spec.instanceFault(UNREACHABLE)),
    STORAGE_BUCKET_MISSING(Spec.instanceFault(NOT_FOUND)),
    STORAGE_KEY_INVALID(Spec.of(INVALID)),
    STORAGE_SIGNING_UNSUPPORTED(Spec.of(INVALID)),
    STORAGE_FAILED(Spec.instanceFault(FAILED));

    private static final Map<Kind, StorageErrorCode> BY_KIND = Map.of(
            Kind.NOT_FOUND,
            STORAGE_NOT_FOUND,
            Kind.REFUSED,
            STORAGE_ACCESS_DENIED,
            Kind.UNREACHABLE,
            STORAGE_UNREACHABLE);

    private final Spec spec;

    StorageErrorCode(Spec spec) {
        this.spec = spec;
    }

    /** A store's HTTP status as a storage code; whatever has no code of its own is {@code STORAGE_FAILED}. */
    public static StorageErrorCode forStatus(int status) {
        return HttpStatusCodes.codeFor(status, BY_KIND, STORAGE_FAILED);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
