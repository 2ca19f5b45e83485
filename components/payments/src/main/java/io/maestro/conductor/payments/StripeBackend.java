package io.maestro.conductor.payments;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.billing.MeterEvent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceFinalizeInvoiceParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.billing.MeterEventCreateParams;
import io.maestro.conductor.adapter.secret.Secret;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One payments instance's Stripe client (stripe-java, its API base and key) and the calls the adapter makes. Every
 * POST carries an idempotency key derived from tenant, operation and business key, on every attempt; calls Stripe
 * may accept later are retried with backoff; failures become {@link PaymentsException}s; each call leaves one line
 * in the call log. Objects it creates carry the tenant in their metadata, and reads refuse objects of another
 * tenant, so instances that share one Stripe account still cannot read each other's invoices.
 */
public final class StripeBackend implements AutoCloseable {

    /** Metadata key naming the tenant an object was created for. */
    public static final String TENANT_METADATA = "conductor_tenant";

    /** An event {@link #streamUsage} did not send, and why (nothing else of its batch depends on it). */
    public record RefusedUsage(UsageEvent event, PaymentsException error) {}

    @FunctionalInterface
    interface StripeCall<T extends StripeObject> {
        T run(RequestOptions options) throws StripeException;
    }

    /** Meter events per request of {@link #streamUsage} (Stripe's limit). */
    public static final int MAX_STREAM_EVENTS = MeterEventStream.MAX_EVENTS;

    private static final long RECONCILE_PAGE = 100;

    private final StripeClient client;
    private final PaymentsSettings settings;
    private final MeterEventStream stream;

    public StripeBackend(PaymentsSettings settings, Secret apiKey) {
        this.settings = settings;
        // Retries are ours (below): stripe-java's do not cover 429, nor a connection that breaks mid-answer.
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(apiKey.reveal())
                .setApiBase(settings.apiBase().toString())
                .setMaxNetworkRetries(0)
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis());
        if (!PaymentsSettings.STRIPE_API.equals(settings.apiBase())) {
            // Stripe serves the meter event stream from a host of its own; elsewhere (the sandbox) it is the API base.
            builder.setMeterEventsBase(settings.apiBase().toString());
        }
        this.client = builder.build();
        this.stream = new MeterEventStream(client, this, settings.meterEventName(), Clock.systemUTC());
    }

    public Customer createCustomer(
            CallContext context, String businessKey, String email, String name, Map<String, String> metadata) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder()
                .setEmail(email)
                .setName(name)
                .putAllMetadata(metadata == null ? Map.of() : metadata)
                .putMetadata(TENANT_METADATA, context.tenant());
        CustomerCreateParams built = params.build();
        return post(
                context,
                "create_customer",
                businessKey,
                built.toMap(),
                options -> client.v1().customers().create(built, options));
    }

    /** A subscription to {@code priceId}, or to the instance's price when null. */
    public Subscription createSubscription(CallContext context, String businessKey, String customerId, String priceId) {
        String price = priceId != null ? priceId : settings.priceId();
        require(context, customerId, "create_subscription", "a customer id");
        require(context, price, "create_subscription", "a price id (call or instance config priceId)");
        SubscriptionCreateParams params = SubscriptionCreateParams.builder()
                .setCustomer(customerId)
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price).build())
                .putMetadata(TENANT_METADATA, context.tenant())
                .build();
        return post(
                context,
                "create_subscription",
                businessKey,
                params.toMap(),
                options -> client.v1().subscriptions().create(params, options));
    }

    /**
     * A meter event of {@code value} for the customer under the instance's meter event name. Its {@code identifier}
     * is the idempotency key, so Stripe also refuses the same usage a second time after the key has expired.
     */
    public MeterEvent recordUsage(
            CallContext context, String businessKey, String customerId, BigDecimal value, Instant timestamp) {
        checkUsage(context, customerId, value, settings.meterEventName());
        String key = usageIdentifier(context, businessKey);
        MeterEventCreateParams.Builder params = MeterEventCreateParams.builder()
                .setEventName(settings.meterEventName())
                .setIdentifier(key)
                .putPayload("stripe_customer_id", customerId)
                .putPayload("value", value.toPlainString());
        if (timestamp != null) {
            params.setTimestamp(timestamp.getEpochSecond());
        }
        MeterEventCreateParams built = params.build();
        return call(
                context,
                "record_usage",
                built.toMap(),
                key,
                options -> client.v1().billing().meterEvents().create(built, options));
    }

    /**
     * Many meter events (many tenants' usage) over Stripe's v2 meter event stream, up to 100 a request, each with the
     * identifier {@link #recordUsage} would give it, so Stripe keeps each once however often it is sent. One call-log
     * line per request, under {@code batch}.
     *
     * @param batch the context the requests are logged and reported under
     * @return the events not sent (invalid, or in a request Stripe refused); all others were accepted
     */
    public List<RefusedUsage> streamUsage(CallContext batch, List<UsageEvent> events) {
        return stream.send(batch, events);
    }

    /** The meter event identifier (and idempotency key) of a tenant's usage under a business key. */
    static String usageIdentifier(CallContext context, String businessKey) {
        return IdempotencyKeys.derive(context, "record_usage", businessKey);
    }

    static void checkUsage(CallContext context, String customerId, BigDecimal value, String meterEventName) {
        require(context, customerId, "record_usage", "a customer id");
        require(context, meterEventName, "record_usage", "the instance config meterEventName");
        if (value == null || value.signum() < 0) {
            throw PaymentsException.of(
                    PaymentsErrorCode.PAYMENTS_REQUEST_INVALID, context, "record_usage needs a value of zero or more");
        }
    }

    /** A draft invoice for the customer; with a subscription, it bills that subscription's pending usage. */
    public Invoice createDraftInvoice(
            CallContext context,
            String businessKey,
            String customerId,
            String subscriptionId,
            Map<String, String> metadata) {
        require(context, customerId, "invoice", "a customer id");
        InvoiceCreateParams.Builder params = InvoiceCreateParams.builder()
                .setCustomer(customerId)
                .setAutoAdvance(false)
                .putAllMetadata(metadata == null ? Map.of() : metadata)
                .putMetadata(TENANT_METADATA, context.tenant());
        if (subscriptionId != null) {
            params.setSubscription(subscriptionId);
        }
        InvoiceCreateParams built = params.build();
        return post(
                context,
                "invoice_draft",
                businessKey,
                built.toMap(),
                options -> client.v1().invoices().create(built, options));
    }

    public Invoice finalizeInvoice(CallContext context, String invoiceId) {
        Invoice invoice = getInvoice(context, invoiceId);
        InvoiceFinalizeInvoiceParams params =
                InvoiceFinalizeInvoiceParams.builder().build();
        return post(
                context,
                "invoice_finalize",
                invoice.getId(),
                Map.of("invoice", invoiceId),
                options -> client.v1().invoices().finalizeInvoice(invoice.getId(), params, options));
    }

    /**
     * The cheapest call that proves the API base answers and the key is accepted: the newest invoice, if any.
     * Reads nothing a tenant could see.
     */
    public void probe(CallContext context) {
        InvoiceListParams params = InvoiceListParams.builder().setLimit(1L).build();
        call(
                context,
                "probe",
                params.toMap(),
                null,
                options -> client.v1().invoices().list(params, options));
    }

    /** Nothing to release: stripe-java keeps no connections of its own (the JDK's HttpURLConnection pools them). */
    @Override
    public void close() {}

    /** The invoice, if it was created for this call's tenant; otherwise {@code PAYMENTS_NOT_FOUND}, as if absent. */
    public Invoice getInvoice(CallContext context, String invoiceId) {
        require(context, invoiceId, "get_invoice", "an invoice id");
        Invoice invoice = call(
                context,
                "get_invoice",
                Map.of("invoice", invoiceId),
                null,
                options -> client.v1().invoices().retrieve(invoiceId, options));
        if (invoice.getMetadata() == null
                || !context.tenant().equals(invoice.getMetadata().get(TENANT_METADATA))) {
            throw PaymentsException.of(
                    PaymentsErrorCode.PAYMENTS_NOT_FOUND,
                    context,
                    "get_invoice: no invoice " + invoiceId + " for this tenant");
        }
        return invoice;
    }

    /**
     * The newest of the customer's last {@value #RECONCILE_PAGE} invoices created for this tenant whose metadata
     * {@code key} is {@code value}: how an interrupted step finds what it may already have created.
     */
    public Optional<Invoice> findInvoice(CallContext context, String customerId, String key, String value) {
        require(context, customerId, "find_invoice", "a customer id");
        InvoiceListParams params = InvoiceListParams.builder()
                .setCustomer(customerId)
                .setLimit(RECONCILE_PAGE)
                .build();
        StripeCollection<Invoice> page = call(
                context,
                "find_invoice",
                params.toMap(),
                null,
                options -> client.v1().invoices().list(params, options));
        return page.getData().stream()
                .filter(invoice -> invoice.getMetadata() != null
                        && context.tenant().equals(invoice.getMetadata().get(TENANT_METADATA))
                        && value.equals(invoice.getMetadata().get(key)))
                .findFirst();
    }

    private <T extends StripeObject> T post(
            CallContext context, String action, String businessKey, Map<String, Object> params, StripeCall<T> call) {
        return call(context, action, params, IdempotencyKeys.derive(context, action, businessKey), call);
    }

    /** One call with the instance's retries, error mapping and call-log line ({@code call} may answer null: no body). */
    <T extends StripeObject> T call(
            CallContext context, String action, Map<String, ?> params, String idempotencyKey, StripeCall<T> call) {
        CallLog.Entry entry = new CallLog.Entry(context, action, params, idempotencyKey);
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder();
        if (idempotencyKey != null) {
            options.setIdempotencyKey(idempotencyKey);
        }
        RequestOptions requestOptions = options.build();
        long started = System.nanoTime();
        RetryPolicy retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            try {
                T result = call.run(requestOptions);
                CallLog.success(
                        entry,
                        attempt,
                        result == null || result.getLastResponse() == null
                                ? null
                                : result.getLastResponse().requestId(),
                        Duration.ofNanos(System.nanoTime() - started));
                return result;
            } catch (StripeException e) {
                if (attempt <= retry.maxRetries() && StripeErrors.retryable(e) && pause(retry.backoff(attempt))) {
                    continue;
                }
                PaymentsException error = StripeErrors.map(e, context, action);
                CallLog.failure(entry, attempt, error, Duration.ofNanos(System.nanoTime() - started));
                throw error;
            }
        }
    }

    /** False when interrupted: the caller stops retrying and reports the last failure. */
    private static boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void require(CallContext context, String value, String operation, String what) {
        if (value == null || value.isBlank()) {
            throw PaymentsException.of(
                    PaymentsErrorCode.PAYMENTS_REQUEST_INVALID, context, operation + " needs " + what);
        }
    }
}
