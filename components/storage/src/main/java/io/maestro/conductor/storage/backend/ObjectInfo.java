package io.maestro.conductor.storage.backend;

import java.time.Instant;

/** What a store says about one object. Fields the store did not return are null (length -1). */
public record ObjectInfo(String fullKey, long length, String contentType, String etag, Instant lastModified) {}
