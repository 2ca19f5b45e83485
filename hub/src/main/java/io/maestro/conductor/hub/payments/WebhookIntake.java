package io.maestro.conductor.hub.payments;

import com.stripe.model.Event;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.adapter.secret.SecretResolver;
import io.maestro.conductor.payments.PaymentsComponent;
import io.maestro.conductor.payments.PaymentsDefinitions;
import io.maestro.conductor.payments.PaymentsErrorCode;
import io.maestro.conductor.payments.PaymentsException;
import io.maestro.conductor.payments.WebhookVerifier;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in a Stripe webhook delivery addressed to a tenant's environment. The signature is the only authentication
 * (Stripe sends no credentials), so the delivery is checked against the webhook signing secret of each payments
 * instance there, and whatever fails (unknown tenant or environment, no payments instance, no webhook secret, a
 * wrong, missing, malformed or too old signature) is the same {@code PAYMENTS_SIGNATURE_INVALID} after the same
 * HMAC work: a caller learns nothing about which tenants exist. A verified event is processed once per tenant and
 * environment (ids kept in SQL).
 *
 * <p>Refusals are counted ({@code conductor.payments.webhooks{outcome=refused}}) and logged at most once a second
 * with the number left out, so a flood of forged deliveries neither fills the log nor goes unseen. The log never
 * carries an unknown tenant's name (the caller chose it).
 */
public class WebhookIntake {

    static final String METRIC = "conductor.payments.webhooks";
    static final String REFUSAL = "the delivery could not be verified";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);
    private static final String PURPOSE = "payments.webhook.verify";

    private final Registry registry;
    private final InstanceResolver instances;
    private final SecretResolver secrets;
    private final WebhookVerifier verifier;
    private final MeterRegistry meters;
    private final Counter refused;
    private final RefusalLog refusals = new RefusalLog(LOG, 1000);
    /** Checked when nothing else is, so an unknown target costs the caller the same HMAC as a known one. */
    private final Secret decoy;

    public WebhookIntake(
            Registry registry,
            InstanceResolver instances,
            SecretResolver secrets,
            WebhookVerifier verifier,
            MeterRegistry meters) {
        this.registry = registry;
        this.instances = instances;
        this.secrets = secrets;
        this.verifier = verifier;
        this.meters = meters;
        this.refused = Counter.builder(METRIC)
                .description("Stripe webhook deliveries taken in, by outcome")
                .tag("outcome", "refused")
                .register(meters);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.decoy = new Secret("whsec_" + Base64.getEncoder().encodeToString(random));
    }

    /**
     * @throws PaymentsException {@code PAYMENTS_SIGNATURE_INVALID} with {@value #REFUSAL} for every refusal,
     *                           {@code PAYMENTS_REQUEST_INVALID} for a signed body that is no event
     */
    public WebhookVerifier.Outcome receive(String tenant, String environment, String payload, String signature) {
        List<Secret> candidates = signingSecrets(tenant, environment);
        boolean known = !candidates.isEmpty();
        if (!known) {
            candidates = List.of(decoy);
        }
        PaymentsException last = null;
        for (Secret secret : candidates) {
            try {
                WebhookVerifier.Outcome outcome = verifier.receive(
                        tenant,
                        environment,
                        payload,
                        signature,
                        secret,
                        event -> processed(tenant, environment, event));
                count(outcome.name().toLowerCase(Locale.ROOT));
                return outcome;
            } catch (PaymentsException e) {
                if (e.code() != PaymentsErrorCode.PAYMENTS_SIGNATURE_INVALID) {
                    throw e;
                }
                last = e;
            }
        }
        refused.increment();
        refusals.refused(known ? tenant : null, known ? environment : null, last.getMessage());
        throw new PaymentsException(PaymentsErrorCode.PAYMENTS_SIGNATURE_INVALID, null, REFUSAL);
    }

    private void processed(String tenant, String environment, Event event) {
        LOG.info(
                "event=payments_webhook_processed tenant={} environment={} event_id={} event_type={}",
                tenant,
                environment,
                event.getId(),
                event.getType());
    }

    private void count(String outcome) {
        meters.counter(METRIC, "outcome", outcome).increment();
    }

    /** The webhook signing secrets of the environment's payments instances; none for anything unknown. */
    private List<Secret> signingSecrets(String tenant, String environment) {
        List<AdapterInstance> installed;
        try {
            installed = registry.instances(tenant, environment);
        } catch (RegistryException unknown) {
            return List.of();
        }
        List<Secret> found = new ArrayList<>();
        for (AdapterInstance instance : installed) {
            if (instance.category() != AdapterCategory.PAYMENTS) {
                continue;
            }
            try {
                ResolvedInstance resolved = instances.resolve(
                        new InstanceRef(tenant, environment, instance.name()), PaymentsComponent.CATEGORY);
                new InstanceSecrets(resolved, secrets)
                        .optional(PaymentsDefinitions.WEBHOOK_SECRET, PURPOSE)
                        .ifPresent(found::add);
            } catch (AdapterException unusable) {
                // A secret reference with no secret behind it verifies nothing; the operator sees it in the log.
                LOG.warn(
                        "event=payments_webhook_secret_unusable tenant={} environment={} instance={} code={}",
                        tenant,
                        environment,
                        instance.name(),
                        unusable.code());
            }
        }
        return found;
    }
}
