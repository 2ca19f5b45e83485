package io.maestro.conductor.payments;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code payments:} component: Stripe customers, subscriptions, usage (billing meter events) and invoices per
 * tenant, through stripe-java. Which Stripe account, key and price a call uses comes from the adapter instance the
 * exchange's tenant addresses.
 */
@Component("payments")
public class PaymentsComponent extends AdapterComponent<StripeBackend> {

    public static final String CATEGORY = "payments";
    public static final String BACKEND_STRIPE = "stripe-payments";

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    protected AdapterEndpoint<StripeBackend> newEndpoint(String uri) {
        return new PaymentsEndpoint(uri, this);
    }

    @Override
    protected StripeBackend createDelegate(ResolvedInstance instance, InstanceSecrets secrets) {
        return new StripeBackend(
                PaymentsDefinitions.settings(instance),
                secrets.require(PaymentsDefinitions.API_KEY, "payments.stripe.client"));
    }

    /** Customer fields (names, e-mails, phones, addresses, descriptions) are masked by name, as in the call log. */
    @Override
    public String maskPayload(Object payload) {
        return payload instanceof Map<?, ?> fields
                ? PaymentsMasking.maskParams(stringKeys(fields)).toString()
                : super.maskPayload(payload);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> fields) {
        Map<String, Object> named = new TreeMap<>();
        fields.forEach((name, value) -> named.put(String.valueOf(name), value));
        return named;
    }

    @Override
    protected void probe(StripeBackend backend, ResolvedInstance instance) {
        backend.probe(new CallContext(
                instance.ref().tenant(),
                instance.ref().environment(),
                instance.ref().instance(),
                "probe"));
    }
}
