package io.maestro.conductor.devkit.bundle;

import java.util.List;

/** The entries of an adapter bundle (a zip): exactly these four, nothing else. */
public final class BundleFiles {

    /** The manifest as its author wrote it, YAML or JSON. */
    public static final String MANIFEST = "conductor-adapter.yaml";

    public static final String JAR = "adapter.jar";
    /** {@code {"algorithm":"SHA-256","files":{"conductor-adapter.yaml":hex,"adapter.jar":hex}}}. */
    public static final String CHECKSUMS = "checksums.json";
    /** A JWS (compact serialization, ES256) whose payload is exactly {@link #CHECKSUMS}. */
    public static final String SIGNATURE = "signature.jws";

    public static final List<String> ALL = List.of(MANIFEST, JAR, CHECKSUMS, SIGNATURE);

    private BundleFiles() {}
}
