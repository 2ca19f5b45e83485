package io.maestro.conductor.notary;

import static io.maestro.conductor.adapter.config.ConfigType.INT;
import static io.maestro.conductor.adapter.config.ConfigType.STRING;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.config.AdapterDefinitionSpec;
import io.maestro.conductor.adapter.config.AdapterDefinitions;
import io.maestro.conductor.adapter.config.ConfigValidator;
import io.maestro.conductor.adapter.config.InstanceConfig;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The notary adapter's definition and its instance config, declared once: the build writes them to this jar's
 * {@code META-INF/conductor/adapter-definitions.yaml} (schema included) and to {@code src/generated/docs}.
 */
public final class NotaryDefinitions implements AdapterDefinitions {

    public static final String BACKEND = "rfc3161-notary";
    public static final String VERSION = "1.0.0";

    public static final String SIGNING_KEY = "signingKey";
    /** The TSA's URL: the SPI's endpoint key, so the hub's endpoint allowlist governs where digests go. */
    public static final String TSA_URL = AdapterDefinitions.ENDPOINT;

    public static final String TSA_USER = "tsaUser";
    public static final String TSA_PASSWORD = "tsaPassword";
    public static final String TSA_CERTIFICATE = "tsaCertificate";
    public static final String TIMEOUT_SECONDS = "timeoutSeconds";

    public static final InstanceConfigDef CONFIG = new InstanceConfigDef()
            .defineSecret(
                    SIGNING_KEY,
                    true,
                    "The tenant's signing secret (32 characters or more): the Ed25519 key is derived from it, its "
                            + "key id is the public key's thumbprint; rotating the secret rotates the key")
            .define(
                    TSA_URL,
                    STRING,
                    InstanceConfigDef.REQUIRED,
                    ConfigValidator.pattern("https?://\\S{1,2000}", "an http(s) URL"),
                    "The RFC 3161 timestamp authority (HTTP POST application/timestamp-query); plain http only on "
                            + "loopback (the sandbox TSA)")
            .define(
                    TSA_USER,
                    STRING,
                    null,
                    ConfigValidator.pattern("[^:\\s]{1,200}", "a user name without ':' or spaces"),
                    "HTTP Basic user at the TSA, with tsaPassword")
            .defineSecret(TSA_PASSWORD, false, "HTTP Basic password at the TSA")
            .define(
                    TSA_CERTIFICATE,
                    STRING,
                    null,
                    ConfigValidator.pattern(
                            "(?s)\\s*-----BEGIN CERTIFICATE-----.{1,20000}", "one or more PEM certificates"),
                    "Pinned TSA root certificate(s), PEM: tokens that do not chain to one are refused")
            .define(
                    TIMEOUT_SECONDS,
                    INT,
                    10,
                    ConfigValidator.range(1, 120),
                    "Connect and answer timeout of one TSA request");

    /** The non-secret settings of an instance, parsed with {@link #CONFIG}. */
    public static NotarySettings settings(ResolvedInstance instance) {
        InstanceConfig config = CONFIG.parse(instance);
        try {
            return new NotarySettings(
                    URI.create(config.requireString(TSA_URL)),
                    config.string(TSA_USER).orElse(null),
                    config.string(TSA_CERTIFICATE)
                            .map(NotaryDefinitions::certificates)
                            .orElse(List.of()),
                    Duration.ofSeconds(config.integer(TIMEOUT_SECONDS).orElse(10)));
        } catch (IllegalArgumentException e) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID, instance.ref().id(), e.getMessage());
        }
    }

    /** PEM certificates (one or more). */
    public static List<X509Certificate> certificates(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException(TSA_CERTIFICATE + " holds no readable PEM certificate");
        }
    }

    @Override
    public List<AdapterDefinitionSpec> definitions() {
        return List.of(new AdapterDefinitionSpec(
                BACKEND,
                VERSION,
                NotaryComponent.CATEGORY,
                "platform-trust",
                "Signs content with the tenant's Ed25519 key (JWS) and has an RFC 3161 timestamp authority "
                        + "timestamp its SHA-256; receipts and evidence seals verify offline",
                "medium",
                "internal",
                false,
                List.of("eu-west-1", "eu-central-1", "europe-west1", "europe-west3", "us-east-1", "us-west-2"),
                List.of("sign", "timestamp", "seal"),
                CONFIG));
    }
}
