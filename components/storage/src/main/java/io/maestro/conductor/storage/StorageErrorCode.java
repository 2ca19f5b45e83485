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
    STORAGE_NOT_FOUND(NOT_FOUND, false),
    STORAGE_ACCESS_DENIED(REFUSED, true),
    STORAGE_UNREACHABLE(UNREACHABLE, true),
    STORAGE_BUCKET_MISSING(NOT_FOUND, true),
    STORAGE_KEY_INVALID(INVALID, false),
    STORAGE_SIGNING_UNSUPPORTED(INVALID, false),
    STORAGE_FAILED(FAILED, true);

    private static final Map<Kind, StorageErrorCode> BY_KIND = Map.of(
            Kind.NOT_FOUND,
            STORAGE_NOT_FOUND,
            Kind.REFUSED,
            STORAGE_ACCESS_DENIED,
            Kind.UNREACHABLE,
            STORAGE_UNREACHABLE);

    private final Kind kind;
    private final boolean instanceFault;

    StorageErrorCode(Kind kind, boolean instanceFault) {
        this.kind = kind;
        this.instanceFault = instanceFault;
    }

    /** A store's HTTP status as a storage code; whatever has no code of its own is {@code STORAGE_FAILED}. */
    public static StorageErrorCode forStatus(int status) {
        return HttpStatusCodes.codeFor(status, BY_KIND, STORAGE_FAILED);
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isInstanceFault() {
        return instanceFault;
    }
}
