package io.maestro.conductor.storage.backend;

import java.io.InputStream;

/** An object being read: its metadata and a stream over its bytes (the reader closes it). */
public record ObjectContent(ObjectInfo info, InputStream stream) {}
