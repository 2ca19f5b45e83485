package io.maestro.conductor.hub.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.identity.IdentityConstants;
import io.maestro.conductor.notify.NotifyConstants;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.InstanceState;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java steps of {@code routes/onboarding.yaml}; the route decides their order, retries and dead letters. The
 * request is kept in exchange property {@value #REQUEST}, what this run changed in {@value #CHANGES} and the step
 * under way in {@value #STEP}, so a dead letter names it. A run that changed nothing (the user existed with these
 * groups and roles) writes no receipt and sends no welcome.
 */
public class OnboardingWorkflow {

    public static final String REQUEST = "onboardingRequest";
    public static final String CHANGES = "onboardingChanges";
    public static final String STEP = "onboardingStep";
    public static final String RECEIPT_HEADER = "ConductorReceiptId";
    public static final String DEAD_LETTERS = "conductor.onboarding.dead.letters";

    private static final Logger LOG = LoggerFactory.getLogger("conductor.onboarding");

    /** The event of the welcome notification: the webhook's {@code type}, the e-mail's default template. */
    public static final String WELCOME_EVENT = "user.welcome";

    private final ReceiptLedger receipts;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final Registry registry;
    private final String welcomeInstance;

    public OnboardingWorkflow(
            ReceiptLedger receipts,
            MeterRegistry meters,
            ObjectMapper json,
            Registry registry,
            String welcomeInstance) {
        this.receipts = receipts;
        this.meters = meters;
        this.json = json;
        this.registry = registry;
        this.welcomeInstance = welcomeInstance;
    }

    /** Reads the request (a map, or its JSON text), refuses a missing tenant, and puts the user on the message. */
    public void begin(Exchange exchange) {
        Message message = exchange.getMessage();
        String tenant = message.getHeader(AdapterHeaders.TENANT, String.class);
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("onboarding needs the " + AdapterHeaders.TENANT + " header");
        }
        OnboardingRequest request = OnboardingRequest.of(body(message.getBody()));
        exchange.setProperty(REQUEST, request);
        exchange.setProperty(CHANGES, new ArrayList<String>());
        exchange.setProperty(STEP, "create_user");
        message.setBody(request.user());
    }

    /** After create_user: remembers a creation. */
    public void created(Exchange exchange) {
        if (Boolean.TRUE.equals(exchange.getMessage().getHeader(IdentityConstants.CREATED, Boolean.class))) {
            changes(exchange).add("created");
        }
    }

    /** Puts group number {@code CamelLoopIndex} of the request on the message. */
    public void nextGroup(Exchange exchange) {
        String group = request(exchange).groups().get(loopIndex(exchange));
        exchange.setProperty(STEP, "assign_group " + group);
        exchange.getMessage().setHeader(IdentityConstants.GROUP, group);
    }

    /** Puts role number {@code CamelLoopIndex} of the request on the message. */
    public void nextRole(Exchange exchange) {
        String role = request(exchange).roles().get(loopIndex(exchange));
        exchange.setProperty(STEP, "assign_role " + role);
        exchange.getMessage().setHeader(IdentityConstants.ROLE, role);
    }

    /** After an assignment: remembers it when it changed something. */
    public void assigned(Exchange exchange) {
        Message message = exchange.getMessage();
        if (Boolean.TRUE.equals(message.getHeader(IdentityConstants.CHANGED, Boolean.class))) {
            String group = message.getHeader(IdentityConstants.GROUP, String.class);
            changes(exchange)
                    .add(group != null ? "group:" + group : "role:" + message.getHeader(IdentityConstants.ROLE));
        }
        message.removeHeader(IdentityConstants.GROUP);
        message.removeHeader(IdentityConstants.ROLE);
    }

    /**
     * Whether the caller's tenant+environment has an active {@code notify:} instance named
     * {@code conductor.onboarding.welcome-instance}: the welcome then goes through it, else it is a log line.
     */
    public boolean hasWelcomeChannel(Exchange exchange) {
        Message message = exchange.getMessage();
        String tenant = message.getHeader(AdapterHeaders.TENANT, String.class);
        String environment = message.getHeader(AdapterHeaders.ENVIRONMENT, String.class);
        if (tenant == null || environment == null) {
            return false;
        }
        return registry.instances(tenant, environment).stream()
                .anyMatch(instance -> instance.name().equals(welcomeInstance)
                        && instance.category() == AdapterCategory.NOTIFICATIONS
                        && instance.state() == InstanceState.ACTIVE);
    }

    /**
     * The welcome notification's message: event {@value #WELCOME_EVENT}, the user's e-mail as recipient (an e-mail
     * instance; a webhook ignores it) and the values a template may place: userName, displayName, givenName,
     * familyName, userId, kind. The user map stays in an exchange property for the steps after it.
     */
    public void welcome(Exchange exchange) {
        exchange.setProperty(STEP, "welcome");
        Message message = exchange.getMessage();
        Map<String, Object> user = request(exchange).user();
        message.setHeader(NotifyConstants.EVENT, WELCOME_EVENT);
        Object email = user.get("email");
        if (email instanceof String address && !address.isBlank()) {
            message.setHeader(NotifyConstants.TO, address);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : List.of("userName", "displayName", "givenName", "familyName")) {
            values.put(field, user.getOrDefault(field, ""));
        }
        values.put("userId", message.getHeader(IdentityConstants.USER_ID, String.class));
        values.put("kind", request(exchange).kind());
        message.setBody(values);
    }

    /** Whether this run created the user (the welcome goes to new users only). */
    public boolean isNew(Exchange exchange) {
        return changes(exchange).contains("created");
    }

    /**
     * Appends a {@code USER_PROVISIONED} receipt when the run changed something and answers what happened: userId,
     * externalId, kind, changes and receiptId (null for a run that changed nothing).
     */
    public void receipt(Exchange exchange) {
        exchange.setProperty(STEP, "receipt");
        Message message = exchange.getMessage();
        OnboardingRequest request = request(exchange);
        List<String> changes = changes(exchange);
        String receiptId = null;
        if (!changes.isEmpty()) {
            ObjectNode changeSet = json.createObjectNode()
                    .put("workflow", "onboarding")
                    .put("kind", request.kind())
                    .put("externalId", message.getHeader(IdentityConstants.EXTERNAL_ID, String.class))
                    .put("userId", message.getHeader(IdentityConstants.USER_ID, String.class));
            changes.forEach(changeSet.putArray("changes")::add);
            Receipt receipt = receipts.append(
                    message.getHeader(AdapterHeaders.TENANT, String.class),
                    message.getHeader(AdapterHeaders.ENVIRONMENT, String.class),
                    message.getHeader(AdapterHeaders.ACTOR, String.class),
                    ReceiptAction.USER_PROVISIONED,
                    exchange.getProperty("onboardingInstance", "directory", String.class),
                    changeSet);
            receiptId = receipt.id();
            message.setHeader(RECEIPT_HEADER, receiptId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", changes.isEmpty() ? "unchanged" : "provisioned");
        answer.put("userId", message.getHeader(IdentityConstants.USER_ID, String.class));
        answer.put("externalId", message.getHeader(IdentityConstants.EXTERNAL_ID, String.class));
        answer.put("kind", request.kind());
        answer.put("changes", List.copyOf(changes));
        answer.put("receiptId", receiptId);
        message.setBody(answer);
    }

    /**
     * The dead letter of a run that failed for good (after the retries of a transient failure): logged at ERROR with
     * tenant, step and code (no personal data: the externalId names the person), counted in {@value #DEAD_LETTERS},
     * and answered as {@code status=dead-lettered}.
     */
    public void deadLetter(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String code = failure instanceof AdapterException adapter
                ? adapter.code().name()
                : failure == null ? "UNKNOWN" : failure.getClass().getSimpleName();
        String step = exchange.getProperty(STEP, "begin", String.class);
        String tenant = exchange.getMessage().getHeader(AdapterHeaders.TENANT, "", String.class);
        meters.counter(DEAD_LETTERS, "tenant", tenant, "code", code).increment();
        LOG.atError()
                .addKeyValue("event", "onboarding_dead_letter")
                .addKeyValue("code", code)
                .log(
                        "event=onboarding_dead_letter tenant={} environment={} step={} code={} correlationId={}",
                        tenant,
                        exchange.getMessage().getHeader(AdapterHeaders.ENVIRONMENT),
                        step,
                        code,
                        exchange.getMessage().getHeader(AdapterHeaders.CORRELATION_ID));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "dead-lettered");
        answer.put("step", step);
        answer.put("code", code);
        exchange.getMessage().setBody(answer);
    }

    private Map<?, ?> body(Object body) {
        if (body instanceof Map<?, ?> map) {
            return map;
        }
        if (body instanceof String text) {
            try {
                return json.readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the onboarding request is not a JSON object");
            }
        }
        throw new IllegalArgumentException("the onboarding request must be a JSON object");
    }

    private static OnboardingRequest request(Exchange exchange) {
        return exchange.getProperty(REQUEST, OnboardingRequest.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> changes(Exchange exchange) {
        return exchange.getProperty(CHANGES, List.class);
    }

    private static int loopIndex(Exchange exchange) {
        return exchange.getProperty(Exchange.LOOP_INDEX, Integer.class);
    }
}
