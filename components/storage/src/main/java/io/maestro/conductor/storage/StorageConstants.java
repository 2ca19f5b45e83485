package io.maestro.conductor.storage;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code storage:} component. Keys are always relative to the instance's key prefix. */
public final class StorageConstants {

    @Metadata(
            description =
                    "Overrides the endpoint's operation for this exchange (put_object, get_object, list, delete, head, signed_url)",
            javaType = "String")
    public static final String OPERATION = "CamelConductorStorageOperation";

    @Metadata(
            description = "Object key, relative to the instance's key prefix (no '..', no leading '/', no "
                    + "backslash, no encoded traversal)",
            javaType = "String")
    public static final String KEY = "CamelConductorStorageKey";

    @Metadata(
            description = "put_object: length of the body in bytes; streams are sent without buffering when "
                    + "set. get_object and head: the object's length",
            javaType = "Long")
    public static final String CONTENT_LENGTH = "CamelConductorStorageContentLength";

    @Metadata(
            description = "put_object: content type (overrides the endpoint option). get_object and head: the "
                    + "object's content type",
            javaType = "String")
    public static final String CONTENT_TYPE = "CamelConductorStorageContentType";

    @Metadata(label = "producer", description = "Entity tag of the object written or read", javaType = "String")
    public static final String ETAG = "CamelConductorStorageETag";

    @Metadata(description = "Last modification time of the object", javaType = "java.time.Instant")
    public static final String LAST_MODIFIED = "CamelConductorStorageLastModified";

    @Metadata(description = "Where the object lives: backend://bucket/full-key", javaType = "String")
    public static final String LOCATION = "CamelConductorStorageLocation";

    @Metadata(
            description = "Where the call went: the instance's endpoint override, or \"default\" for the "
                    + "provider's own endpoint of the instance's region",
            javaType = "String")
    public static final String ENDPOINT = "CamelConductorStorageEndpoint";
    /** {@link #ENDPOINT} of an instance without an endpoint override. */
    public static final String DEFAULT_ENDPOINT = "default";

    @Metadata(description = "list: key prefix, relative to the instance's key prefix", javaType = "String")
    public static final String PREFIX = "CamelConductorStoragePrefix";

    @Metadata(description = "list: page size (overrides the endpoint option)", javaType = "Integer")
    public static final String MAX_KEYS = "CamelConductorStorageMaxKeys";

    @Metadata(description = "list: token of the page to read, from a previous page's next token", javaType = "String")
    public static final String CONTINUATION_TOKEN = "CamelConductorStorageContinuationToken";

    @Metadata(description = "list: token of the next page; absent on the last page", javaType = "String")
    public static final String NEXT_CONTINUATION_TOKEN = "CamelConductorStorageNextContinuationToken";

    @Metadata(description = "head and delete: whether the object exists (existed)", javaType = "Boolean")
    public static final String EXISTS = "CamelConductorStorageExists";

    @Metadata(description = "signed_url: lifetime in seconds (overrides the endpoint option)", javaType = "Long")
    public static final String SIGNED_URL_EXPIRY_SECONDS = "CamelConductorStorageSignedUrlExpirySeconds";

    @Metadata(description = "signed_url: when the URL stops working", javaType = "java.time.Instant")
    public static final String SIGNED_URL_EXPIRES_AT = "CamelConductorStorageSignedUrlExpiresAt";

    private StorageConstants() {}
}
