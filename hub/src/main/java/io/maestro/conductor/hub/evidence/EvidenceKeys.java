package io.maestro.conductor.hub.evidence;

import java.util.regex.Pattern;

/**
 * Object keys of a bundle: {@code evidence/<environment>/<bundle id>/<file name>} and its manifest beside them.
 * The environment is part of the key, so the same bundle id in two environments that share a bucket and key prefix
 * can never write over each other; bundle ids and file names are plain names, so a key never leaves its folder.
 */
final class EvidenceKeys {

    static final String MANIFEST = "manifest.json";
    /** Plain names only: no path separators, no leading dot, so a key can never leave the bundle's folder. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private EvidenceKeys() {}

    static String file(String environment, String bundleId, String name) {
        return "evidence/" + environment + "/" + bundleId + "/" + name;
    }

    static String manifest(String environment, String bundleId) {
        return file(environment, bundleId, MANIFEST);
    }
}
