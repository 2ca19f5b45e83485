package io.maestro.conductor.devkit.manifest;

/** Why a manifest was refused; stable, so tools and the admin API can act on it. */
public enum ManifestErrorCode {
    /** Larger than {@link ManifestReader#MAX_BYTES}. */
    MANIFEST_TOO_LARGE,
    /** Not one well-formed YAML or JSON document. */
    MANIFEST_UNREADABLE,
    /** Nested deeper than {@link ManifestReader#MAX_DEPTH}. */
    MANIFEST_TOO_DEEP,
    /** Uses a YAML alias: manifests are plain data, and aliases are how YAML bombs are made. */
    MANIFEST_ALIAS_REFUSED,
    /** Does not match the manifest schema or its rules. */
    MANIFEST_INVALID,
    /** The only problems are config fields named like credentials but not marked secret. */
    SECRET_FIELD_UNMARKED
}
