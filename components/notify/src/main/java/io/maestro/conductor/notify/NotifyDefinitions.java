package io.maestro.conductor.notify;

import static io.maestro.conductor.adapter.config.ConfigType.INT;
import static io.maestro.conductor.adapter.config.ConfigType.STRING;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.RetryPolicy;
import io.maestro.conductor.adapter.config.AdapterDefinitionSpec;
import io.maestro.conductor.adapter.config.AdapterDefinitions;
import io.maestro.conductor.adapter.config.ConfigValidator;
import io.maestro.conductor.adapter.config.InstanceConfig;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The notify adapter's two definitions, {@value #EMAIL} and {@value #WEBHOOK}, and their instance configs, declared
 * once: the build writes them to this jar's {@code META-INF/conductor/adapter-definitions.yaml} and to
 * {@code src/generated/docs}. Both put where messages go under the SPI's one endpoint key, so the hub's endpoint
 * allowlist decides which mail servers and webhook receivers a tenant may name (no SSRF through a config change).
 */
public final class NotifyDefinitions implements AdapterDefinitions {

    public static final String EMAIL = "smtp-email";
    public static final String WEBHOOK = "signed-webhook";
    public static final String VERSION = "1.0.0";

    public static final String ENDPOINT = AdapterDefinitions.ENDPOINT;
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String FROM = "from";
    public static final String DEFAULT_TO = "defaultTo";
    public static final String TEMPLATES = "templates";
    public static final String SIGNING_SECRET = "signingSecret";
    public static final String MAX_RETRIES = RetryPolicy.MAX_RETRIES;
    public static final String INITIAL_BACKOFF_MILLIS = RetryPolicy.INITIAL_BACKOFF_MILLIS;
    public static final String TIMEOUT_SECONDS = "timeoutSeconds";

    private static final String ADDRESS = "[^@\\s,<>]{1,64}@[A-Za-z0-9.-]{1,253}";

    public static final InstanceConfigDef EMAIL_CONFIG = new InstanceConfigDef()
            .define(
                    ENDPOINT,
                    STRING,
                    InstanceConfigDef.REQUIRED,
                    ConfigValidator.pattern("smtps?://[A-Za-z0-9.\\[\\]:-]{1,253}:[0-9]{1,5}", "smtp(s)://host:port"),
                    "The mail server: smtp://host:port (STARTTLS required unless on loopback) or smtps://host:port")
            .define(
                    USERNAME,
                    STRING,
                    null,
                    ConfigValidator.pattern("\\S{1,200}", "a login without spaces"),
                    "SMTP login, with password")
            .defineSecret(PASSWORD, false, "SMTP password")
            .define(
                    FROM,
                    STRING,
                    InstanceConfigDef.REQUIRED,
                    ConfigValidator.pattern(ADDRESS, "an e-mail address"),
                    "Sender address")
            .define(
                    DEFAULT_TO,
                    STRING,
                    null,
                    ConfigValidator.pattern(ADDRESS + "(\\s*,\\s*" + ADDRESS + "){0,49}", "comma-separated addresses"),
                    "Recipients when a call names none (e.g. the tenant's on-call list)")
            .define(
                    TEMPLATES,
                    STRING,
                    "{}",
                    ConfigValidator.pattern("(?s)\\s*\\{.{0,65534}", "a JSON object, up to 64 KiB"),
                    "The tenant's templates: {\"<name>\": {\"subject\": \"...\", \"text\": \"...\"}} with "
                            + "{{variable}} placeholders, no logic")
            .define(TIMEOUT_SECONDS, INT, 10, ConfigValidator.range(1, 120), "Connect and answer timeout");

    public static final InstanceConfigDef WEBHOOK_CONFIG = RetryPolicy.defineKeys(new InstanceConfigDef()
                    .define(
                            ENDPOINT,
                            STRING,
                            InstanceConfigDef.REQUIRED,
                            ConfigValidator.pattern("https?://\\S{1,2000}", "an http(s) URL"),
                            "The receiver; plain http only on loopback. Redirects are not followed")
                    .defineSecret(
                            SIGNING_SECRET,
                            true,
                            "HMAC-SHA256 key of the Conductor-Signature header; share it with the receiver"))
            .define(TIMEOUT_SECONDS, INT, 10, ConfigValidator.range(1, 120), "Connect and answer timeout");

    static EmailSettings email(ResolvedInstance instance) {
        InstanceConfig config = EMAIL_CONFIG.parse(instance);
        try {
            return new EmailSettings(
                    URI.create(config.requireString(ENDPOINT)),
                    config.string(USERNAME).orElse(null),
                    config.requireString(FROM),
                    Recipients.parse(config.string(DEFAULT_TO).orElse(null)),
                    Templates.parse(config.string(TEMPLATES).orElse("{}")),
                    Duration.ofSeconds(config.integer(TIMEOUT_SECONDS).orElse(10)));
        } catch (IllegalArgumentException e) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID, instance.ref().id(), e.getMessage());
        }
    }

    static WebhookSettings webhook(ResolvedInstance instance) {
        InstanceConfig config = WEBHOOK_CONFIG.parse(instance);
        try {
            return new WebhookSettings(
                    URI.create(config.requireString(ENDPOINT)),
                    config.integer(MAX_RETRIES).orElse(3),
                    Duration.ofMillis(config.integer(INITIAL_BACKOFF_MILLIS).orElse(500)),
                    Duration.ofSeconds(config.integer(TIMEOUT_SECONDS).orElse(10)));
        } catch (IllegalArgumentException e) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID, instance.ref().id(), e.getMessage());
        }
    }

    @Override
    public List<AdapterDefinitionSpec> definitions() {
        List<String> regions =
                List.of("eu-west-1", "eu-central-1", "europe-west1", "europe-west3", "us-east-1", "us-west-2");
        return List.of(
                new AdapterDefinitionSpec(
                        EMAIL,
                        VERSION,
                        NotifyComponent.CATEGORY,
                        "platform-notifications",
                        "E-mail from the tenant's templates through its SMTP server (camel-mail)",
                        "medium",
                        "confidential",
                        false,
                        regions,
                        List.of("send"),
                        EMAIL_CONFIG),
                new AdapterDefinitionSpec(
                        WEBHOOK,
                        VERSION,
                        NotifyComponent.CATEGORY,
                        "platform-notifications",
                        "Signed JSON webhooks (HMAC-SHA256 with timestamp, Stripe-style) with retries and backoff",
                        "medium",
                        "confidential",
                        false,
                        regions,
                        List.of("send"),
                        WEBHOOK_CONFIG));
    }
}
