package io.maestro.conductor.payments;

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
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The payments adapter's definition and its instance config, declared once: the build writes them to this jar's
 * {@code META-INF/conductor/adapter-definitions.yaml} (schema included) and to {@code src/generated/docs}.
 */
public final class PaymentsDefinitions implements AdapterDefinitions {

    public static final String VERSION = "1.0.0";

    public static final String API_KEY = "apiKey";
    public static final String WEBHOOK_SECRET = "webhookSecret";
    public static final String PRICE_ID = "priceId";
    public static final String METER_EVENT_NAME = "meterEventName";
    /** Stripe's API base: the SPI's endpoint key, so the hub's endpoint allowlist governs where the key goes. */
    public static final String API_BASE = AdapterDefinitions.ENDPOINT;

    public static final String MAX_RETRIES = "maxRetries";

    public static final InstanceConfigDef CONFIG = new InstanceConfigDef()
            .defineSecret(API_KEY, true, "Stripe secret or restricted key (sk_… / rk_…)")
            .defineSecret(WEBHOOK_SECRET, false, "Signing secret of the Stripe webhook endpoint (whsec_…)")
            .define(
                    PRICE_ID,
                    STRING,
                    null,
                    ConfigValidator.pattern("price_[A-Za-z0-9]{1,250}", "a Stripe price id"),
                    "Price new subscriptions get when a call names none (a metered price for usage billing)")
            .define(
                    METER_EVENT_NAME,
                    STRING,
                    null,
                    ConfigValidator.pattern("[A-Za-z0-9_.:-]{1,100}", "a billing meter's event_name"),
                    "The billing meter event name usage is recorded under")
            .define(
                    API_BASE,
                    STRING,
                    PaymentsSettings.STRIPE_API.toString(),
                    ConfigValidator.pattern("https?://\\S+", "an http(s) URL"),
                    "Stripe's API; plain http only on loopback (the sandbox)")
            .define(
                    MAX_RETRIES,
                    INT,
                    RetryPolicy.DEFAULT.maxRetries(),
                    ConfigValidator.range(0, 10),
                    "Retries of a call Stripe may accept later "
                            + "(no answer, 409, 429, 5xx), with exponential backoff");

    /** The non-secret settings of an instance, parsed with {@link #CONFIG}. */
    public static PaymentsSettings settings(ResolvedInstance instance) {
        InstanceConfig config = CONFIG.parse(instance);
        RetryPolicy retry = new RetryPolicy(
                config.integer(MAX_RETRIES).orElse(RetryPolicy.DEFAULT.maxRetries()),
                RetryPolicy.DEFAULT.initialBackoff(),
                RetryPolicy.DEFAULT.maxBackoff());
        try {
            return new PaymentsSettings(
                    URI.create(config.requireString(API_BASE)),
                    config.string(PRICE_ID).orElse(null),
                    config.string(METER_EVENT_NAME).orElse(null),
                    retry,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(80));
        } catch (IllegalArgumentException e) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID, instance.ref().id(), e.getMessage());
        }
    }

    @Override
    public List<AdapterDefinitionSpec> definitions() {
        return List.of(new AdapterDefinitionSpec(
                PaymentsComponent.BACKEND_STRIPE,
                VERSION,
                PaymentsComponent.CATEGORY,
                "platform-billing",
                "Customers, subscriptions, usage through billing meters and invoices at Stripe "
                        + "through stripe-java",
                "high",
                "confidential",
                true,
                List.of("eu-west-1", "us-east-1"),
                List.of("create_customer", "create_subscription", "record_usage", "invoice", "get_invoice"),
                CONFIG));
    }
}
