package io.maestro.conductor.storage.gcs;

import com.google.cloud.BaseServiceException;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.storage.StorageErrorCode;
import java.io.IOException;

/** Maps Google Cloud Storage failures to coded adapter errors, without chaining the client's exception. */
final class GcsErrors {

    private GcsErrors() {}

    static AdapterException map(Exception failure, String instanceId, String bucket) {
        if (failure instanceof AdapterException) {
            return (AdapterException) failure;
        }
        if (failure instanceof BaseServiceException) {
            BaseServiceException gcs = (BaseServiceException) failure;
            String detail = "GCS answered " + gcs.getCode() + (gcs.getReason() == null ? "" : " " + gcs.getReason())
                    + " for bucket " + bucket;
            if (gcs.getCode() == 404
                    && String.valueOf(gcs.getMessage()).toLowerCase().contains("bucket")) {
                return new AdapterException(StorageErrorCode.STORAGE_BUCKET_MISSING, instanceId, detail);
            }
            if (gcs.getCode() == 0 || gcs.getCause() instanceof IOException) {
                return new AdapterException(
                        StorageErrorCode.STORAGE_UNREACHABLE,
                        instanceId,
                        "GCS endpoint unreachable: " + Masking.maskText(gcs.getMessage()));
            }
            return new AdapterException(StorageErrorCode.forStatus(gcs.getCode()), instanceId, detail);
        }
        return new AdapterException(
                StorageErrorCode.STORAGE_FAILED,
                instanceId,
                "GCS call failed: " + failure.getClass().getSimpleName() + " "
                        + Masking.maskText(failure.getMessage()));
    }
}
