package io.maestro.conductor.storage;

import static io.maestro.conductor.adapter.config.ConfigType.BOOLEAN;
import static io.maestro.conductor.adapter.config.ConfigType.STRING;
import static io.maestro.conductor.adapter.config.InstanceConfigDef.REQUIRED;

import io.maestro.conductor.adapter.config.AdapterDefinitionSpec;
import io.maestro.conductor.adapter.config.AdapterDefinitions;
import io.maestro.conductor.adapter.config.ConfigValidator;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import java.util.List;

/**
 * The storage adapter's definitions and their instance config, declared once: the build writes them to this jar's
 * {@code META-INF/conductor/adapter-definitions.yaml} (schema included) and to {@code src/generated/docs}, and
 * {@link StorageInstanceConfig} parses instances with the same declarations.
 */
public final class StorageDefinitions implements AdapterDefinitions {

    /** 1.1.0: the schema generated from the declarations below (1.0.0 was written by hand in the registry jar). */
    public static final String VERSION = "1.1.0";

    public static final String BUCKET = "bucket";
    public static final String REGION = "region";
    public static final String ENDPOINT = AdapterDefinitions.ENDPOINT;
    public static final String KEY_PREFIX = "keyPrefix";
    public static final String PATH_STYLE = "forcePathStyle";
    public static final String ACCESS_KEY = "accessKey";
    public static final String SECRET_KEY = "secretKey";
    public static final String PROJECT_ID = "projectId";
    public static final String SERVICE_ACCOUNT_KEY = "serviceAccountKey";

    public static final InstanceConfigDef S3 = common(
                    "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", "3-63 lower-case letters, digits, '.' or '-'")
            .define(PATH_STYLE, BOOLEAN, false, "Path-style addressing (most S3-compatible servers need it)")
            .defineSecret(ACCESS_KEY, true, "Access key id")
            .defineSecret(SECRET_KEY, true, "Secret access key");

    public static final InstanceConfigDef GCS = common(
                    "[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]", "3-63 lower-case letters, digits, '.', '_' or '-'")
            .define(
                    PROJECT_ID,
                    STRING,
                    null,
                    ConfigValidator.maxLength(30),
                    "Google Cloud project; default: the project named in the service-account key")
            .defineSecret(SERVICE_ACCOUNT_KEY, true, "Service-account key JSON");

    private static final List<String> WRITES_AND_READS = List.of("put", "get", "list", "delete", "presign");

    private static InstanceConfigDef common(String bucketPattern, String bucketRule) {
        return new InstanceConfigDef()
                .define(BUCKET, STRING, REQUIRED, ConfigValidator.pattern(bucketPattern, bucketRule), "Bucket name")
                .define(
                        REGION,
                        STRING,
                        REQUIRED,
                        ConfigValidator.pattern("[a-z0-9-]{1,40}", "a region name"),
                        "The bucket's region")
                .define(
                        ENDPOINT,
                        STRING,
                        null,
                        ConfigValidator.pattern("https?://\\S+", "an http(s) URL"),
                        "Endpoint override, for S3-compatible servers or an emulator")
                .define(
                        KEY_PREFIX,
                        STRING,
                        null,
                        ConfigValidator.maxLength(512),
                        "Prefix put in front of every object key; default tenant/environment");
    }

    @Override
    public List<AdapterDefinitionSpec> definitions() {
        return List.of(
                new AdapterDefinitionSpec(
                        StorageComponent.BACKEND_S3,
                        VERSION,
                        StorageComponent.CATEGORY,
                        "platform-storage",
                        "Objects in an S3-compatible bucket (AWS S3, S3Proxy, MinIO) through camel-aws2-s3",
                        "medium",
                        "confidential",
                        false,
                        List.of("eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"),
                        WRITES_AND_READS,
                        S3),
                new AdapterDefinitionSpec(
                        StorageComponent.BACKEND_GCS,
                        VERSION,
                        StorageComponent.CATEGORY,
                        "platform-storage",
                        "Objects in a Google Cloud Storage bucket through camel-google-storage",
                        "medium",
                        "confidential",
                        false,
                        List.of("europe-west1", "europe-west3", "us-central1", "us-east1", "asia-southeast1"),
                        WRITES_AND_READS,
                        GCS));
    }
}
