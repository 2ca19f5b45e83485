package io.maestro.conductor.devkit;

/** Why a manifest, adapter jar or bundle was refused; stable, so tools and the admin API can act on it. */
public enum DevkitErrorCode {
    /** Larger than {@code ManifestReader.MAX_BYTES}. */
    MANIFEST_TOO_LARGE,
    /** Not one well-formed YAML or JSON document. */
    MANIFEST_UNREADABLE,
    /** Nested deeper than {@code ManifestReader.MAX_DEPTH}. */
    MANIFEST_TOO_DEEP,
    /** Uses a YAML alias: manifests are plain data, and aliases are how YAML bombs are made. */
    MANIFEST_ALIAS_REFUSED,
    /** Does not match the manifest schema or its rules. */
    MANIFEST_INVALID,
    /** The only problems are config fields named like credentials but not marked secret. */
    SECRET_FIELD_UNMARKED,
    /** The adapter jar is not a jar, unsafe (entry names, size) or does not serve what its manifest says. */
    JAR_INVALID,
    /** The bundle is not a bundle: entries other than the four expected, duplicated or missing. */
    BUNDLE_INVALID,
    /** The bundle or one of its entries is larger than allowed. */
    BUNDLE_TOO_LARGE,
    /** The bundle's signature is missing, malformed or does not verify. */
    BUNDLE_SIGNATURE_INVALID,
    /** The bundle is signed by a key that is not trusted. */
    BUNDLE_KEY_UNTRUSTED,
    /** A file of the bundle does not match its signed checksum. */
    BUNDLE_TAMPERED
}
