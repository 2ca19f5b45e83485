package io.maestro.conductor.ticketing;

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
 * The ticketing adapter's definition {@value #REDMINE} and its instance config, declared once: the build writes it to
 * this jar's {@code META-INF/conductor/adapter-definitions.yaml} and to {@code src/generated/docs}. Redmine's base URL
 * is the SPI's one endpoint key, so the hub's endpoint allowlist decides which trackers a tenant may name.
 */
public final class TicketingDefinitions implements AdapterDefinitions {

    public static final String REDMINE = "redmine";
    public static final String VERSION = "1.0.0";

    public static final String ENDPOINT = AdapterDefinitions.ENDPOINT;
    public static final String API_KEY = "apiKey";
    public static final String PROJECT = "project";
    public static final String TRACKER_ID = "trackerId";
    public static final String CLOSED_STATUS_ID = "closedStatusId";
    public static final String MAX_RETRIES = RetryPolicy.MAX_RETRIES;
    public static final String INITIAL_BACKOFF_MILLIS = RetryPolicy.INITIAL_BACKOFF_MILLIS;
    public static final String TIMEOUT_SECONDS = "timeoutSeconds";

    public static final InstanceConfigDef REDMINE_CONFIG = RetryPolicy.defineKeys(new InstanceConfigDef()
                    .define(
                            ENDPOINT,
                            STRING,
                            InstanceConfigDef.REQUIRED,
                            ConfigValidator.pattern("https?://[^\\s?#@]{1,2000}", "an http(s) base URL"),
                            "Redmine's base URL; plain http only on loopback, no credentials. Redirects are not followed")
                    .defineSecret(API_KEY, true, "The Redmine user's API key (sent as X-Redmine-API-Key)")
                    .define(
                            PROJECT,
                            STRING,
                            InstanceConfigDef.REQUIRED,
                            ConfigValidator.pattern("[a-z][a-z0-9_-]{0,99}", "a Redmine project identifier"),
                            "The project every ticket of the instance lives in (its identifier)")
                    .define(
                            TRACKER_ID,
                            INT,
                            null,
                            ConfigValidator.range(1, Integer.MAX_VALUE),
                            "The tracker of new tickets (default: the project's first)")
                    .define(
                            CLOSED_STATUS_ID,
                            INT,
                            null,
                            ConfigValidator.range(1, Integer.MAX_VALUE),
                            "The status close sets (default: the status named Closed, else the first closed one)"))
            .define(TIMEOUT_SECONDS, INT, 10, ConfigValidator.range(1, 120), "Connect and answer timeout");

    static RedmineSettings redmine(ResolvedInstance instance) {
        InstanceConfig config = REDMINE_CONFIG.parse(instance);
        try {
            return new RedmineSettings(
                    URI.create(config.requireString(ENDPOINT)),
                    config.requireString(PROJECT),
                    config.integer(TRACKER_ID).orElse(null),
                    config.integer(CLOSED_STATUS_ID).orElse(null),
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
        return List.of(new AdapterDefinitionSpec(
                REDMINE,
                VERSION,
                TicketingComponent.CATEGORY,
                "platform-operations",
                "Tickets as Redmine issues (REST API): create (idempotent by external key), update, comment, close, "
                        + "lookup",
                "medium",
                "confidential",
                false,
                List.of("eu-west-1", "eu-central-1", "europe-west1", "europe-west3", "us-east-1", "us-west-2"),
                List.of("create", "update", "comment", "close", "lookup"),
                REDMINE_CONFIG));
    }
}
