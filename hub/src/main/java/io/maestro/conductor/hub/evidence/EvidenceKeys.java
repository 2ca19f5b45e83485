package io.maestro.conductor.hub.evidence;

import java.util.regex.Pattern;

/** Deterministic object keys of a bundle: {@code evidence/<bundle id>/<file name>} and its manifest beside them. */
final class EvidenceKeys {

    static final String MANIFEST = "manifest.json";
    /** Plain names only: no path separators, no leading dot, so a key can never leave the bundle's folder. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private EvidenceKeys() {
    }

    static String file(String bundleId, String name) {
        return "evidence/" + bundleId + "/" + name;
    }

    static String manifest(String bundleId) {
        return file(bundleId, MANIFEST);
    }
}
