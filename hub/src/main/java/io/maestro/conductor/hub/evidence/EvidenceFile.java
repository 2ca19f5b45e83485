package io.maestro.conductor.hub.evidence;

import java.nio.file.Path;

/**
 * One file of a bundle, staged on disk ({@code content}) with its size and SHA-256. {@code key} is where it is
 * stored, relative to the storage instance's key prefix (see {@link EvidenceKeys}).
 */
public record EvidenceFile(String name, String contentType, Path content, long size, String sha256, String key) {}
