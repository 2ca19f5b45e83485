package io.maestro.conductor.storage.s3;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.storage.StorageErrorCode;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Maps AWS SDK failures to coded adapter errors. The SDK exception is not chained: its message and the error
 * body it carries can quote request details; the mapped message keeps only status, S3 error code and request id.
 */
final class S3Errors {

    private S3Errors() {}

    static AdapterException map(Exception failure, String instanceId, String bucket) {
        if (failure instanceof AdapterException) {
            return (AdapterException) failure;
        }
        if (failure instanceof S3Exception) {
            S3Exception s3 = (S3Exception) failure;
            String errorCode =
                    s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            String detail = "S3 answered " + s3.statusCode() + (errorCode == null ? "" : " " + errorCode)
                    + " for bucket " + bucket + " (request id " + s3.requestId() + ")";
            if ("NoSuchBucket".equals(errorCode)) {
                return new AdapterException(StorageErrorCode.STORAGE_BUCKET_MISSING, instanceId, detail);
            }
            return new AdapterException(StorageErrorCode.forStatus(s3.statusCode()), instanceId, detail);
        }
        if (failure instanceof SdkClientException) {
            return new AdapterException(
                    StorageErrorCode.STORAGE_UNREACHABLE,
                    instanceId,
                    "S3 endpoint unreachable: " + Masking.maskText(failure.getMessage()));
        }
        return new AdapterException(
                StorageErrorCode.STORAGE_FAILED,
                instanceId,
                "S3 call failed: " + failure.getClass().getSimpleName() + " " + Masking.maskText(failure.getMessage()));
    }
}
