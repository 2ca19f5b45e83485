package io.maestro.conductor.devkit.bundle;

import io.maestro.conductor.devkit.jar.AdapterJar;
import io.maestro.conductor.devkit.manifest.AdapterManifest;

/**
 * A bundle whose signature, checksums, manifest and jar all checked out.
 *
 * @param keyId          the trusted key that signed it
 * @param manifestSha256 checksum of the manifest as signed
 * @param jarSha256      checksum of the jar as signed
 */
public record VerifiedBundle(
        AdapterManifest manifest,
        byte[] manifestDocument,
        byte[] jarBytes,
        AdapterJar jar,
        String keyId,
        String manifestSha256,
        String jarSha256) {}
