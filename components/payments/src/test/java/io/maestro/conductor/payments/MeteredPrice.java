package io.maestro.conductor.payments;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.billing.Meter;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.billing.MeterCreateParams;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.net.URI;

/** Sets up what usage billing needs at the sandbox, as an operator does once in the Stripe dashboard. */
public final class MeteredPrice {

    private MeteredPrice() {}

    /** A sum meter for {@code eventName}, a product and a monthly metered price of {@code unitAmount} cents: its id. */
    public static String create(StripeSandbox sandbox, String key, String eventName, long unitAmount)
            throws StripeException {
        return create(sandbox.apiBase(), key, eventName, unitAmount);
    }

    /** As {@link #create(StripeSandbox, String, String, long)} for a sandbox known by its API base only. */
    public static String create(URI apiBase, String key, String eventName, long unitAmount) throws StripeException {
        StripeClient stripe = StripeClient.builder()
                .setApiKey(key)
                .setApiBase(apiBase.toString())
                .build();
        Meter meter = stripe.v1()
                .billing()
                .meters()
                .create(MeterCreateParams.builder()
                        .setDisplayName(eventName)
                        .setEventName(eventName)
                        .setDefaultAggregation(MeterCreateParams.DefaultAggregation.builder()
                                .setFormula(MeterCreateParams.DefaultAggregation.Formula.SUM)
                                .build())
                        .build());
        String product = stripe.v1()
                .products()
                .create(ProductCreateParams.builder().setName(eventName).build())
                .getId();
        return stripe.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setCurrency("usd")
                        .setUnitAmount(unitAmount)
                        .setProduct(product)
                        .setRecurring(PriceCreateParams.Recurring.builder()
                                .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                                .setUsageType(PriceCreateParams.Recurring.UsageType.METERED)
                                .setMeter(meter.getId())
                                .build())
                        .build())
                .getId();
    }
}
