package io.maestro.conductor.policy.pdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides through a remote OPA's Data API: {@code POST {url}/v1/data/{path}} with {@code {"input": …}};
 * a response without {@code result} is undefined. Calls go through camel-http on a small route whose error
 * handler redelivers transient failures (a 5xx answer, a refused connection, a dropped response) with
 * exponential backoff (HttpClient's own retrying is off, so the bound is exact); timeouts and other failures are
 * not retried. Whatever fails ends as a deny with
 * {@code POLICY_UNAVAILABLE}.
 */
public final class OpaDecisionPoint implements PolicyDecisionPoint {
    public static final String MODE = "opa";

    private static final Logger LOG = LoggerFactory.getLogger(OpaDecisionPoint.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CamelContext camel;
    private final boolean ownsCamel;
    private final String routeId = "conductor-opa-" + UUID.randomUUID();
    private final ProducerTemplate template;
    private final Optional<String> authorization;
    private final DecisionLog decisionLog;

    /** Runs on its own Camel context. */
    public OpaDecisionPoint(OpaSettings settings, DecisionLog decisionLog) {
        this(new DefaultCamelContext(), true, settings, decisionLog);
    }

    /** Adds its route to a running application's Camel context (e.g. the hub's). */
    public OpaDecisionPoint(CamelContext camel, OpaSettings settings, DecisionLog decisionLog) {
        this(camel, false, settings, decisionLog);
    }

    private OpaDecisionPoint(CamelContext camel, boolean ownsCamel, OpaSettings settings, DecisionLog decisionLog) {
        this.camel = camel;
        this.ownsCamel = ownsCamel;
        this.authorization = settings.authorizationHeader();
        this.decisionLog = decisionLog;
        try {
            // HttpClient would itself retry a 503 once after a second; all retrying is left to the route instead.
            camel.getRegistry().bind(routeId + "-client", HttpClientConfigurer.class, (HttpClientConfigurer)
                    HttpClientBuilder::disableAutomaticRetries);
            camel.addRoutes(route(settings));
            if (ownsCamel) camel.start();
            this.template = camel.createProducerTemplate();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the OPA client route: " + e.getMessage(), e);
        }
    }

    @Override
    public String mode() {
        return MODE;
    }

    @Override
    public Decision decide(DecisionRequest request) {
        long start = System.nanoTime();
        Decision decision;
        try {
            Exchange reply = template.request("direct:" + routeId, exchange -> {
                exchange.getMessage().setHeader(Exchange.HTTP_PATH, request.path());
                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                authorization.ifPresent(value -> exchange.getMessage().setHeader("Authorization", value));
                exchange.getMessage().setBody(body(request.input()));
            });
            decision = reply.getException() != null
                    ? failed(RandomIds.uuid(), request.path(), reply.getException(), start)
                    : parse(reply.getMessage().getBody(String.class), request.path(), start);
        } catch (RuntimeException e) {
            decision = failed(RandomIds.uuid(), request.path(), e, start);
        }
        decisionLog.record(decision, request.input(), MODE);
        return decision;
    }

    @Override
    public void close() {
        try {
            template.close();
            if (ownsCamel) {
                camel.close();
            } else {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
                camel.getRegistry().unbind(routeId + "-client");
            }
        } catch (Exception e) {
            LOG.warn("closing the OPA client route {}: {}", routeId, e.getMessage());
        }
    }

    private RouteBuilder route(OpaSettings settings) {
        long timeoutMillis = settings.timeout().toMillis();
        String endpoint = settings.url().replaceAll("/+$", "") + "/v1/data"
                + "?httpMethod=POST&connectTimeout=" + timeoutMillis + "&responseTimeout=" + timeoutMillis
                + "&connectionRequestTimeout=" + timeoutMillis + "&httpClientConfigurer=#" + routeId + "-client";
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(HttpOperationFailedException.class)
                        .onWhen(exchange -> exchange.getException(HttpOperationFailedException.class)
                                        .getStatusCode()
                                >= 500)
                        .maximumRedeliveries(settings.retries())
                        .redeliveryDelay(settings.backoff().toMillis())
                        .useExponentialBackOff()
                        .retryAttemptedLogLevel(LoggingLevel.WARN);
                onException(ConnectException.class, NoHttpResponseException.class)
                        .maximumRedeliveries(settings.retries())
                        .redeliveryDelay(settings.backoff().toMillis())
                        .useExponentialBackOff()
                        .retryAttemptedLogLevel(LoggingLevel.WARN);
                from("direct:" + routeId).routeId(routeId).to(endpoint);
            }
        };
    }

    private Decision parse(String body, String path, long start) {
        JsonNode response;
        try {
            response = MAPPER.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return failed(RandomIds.uuid(), path, new IllegalStateException("response is not JSON"), start);
        }
        if (response == null || !response.isObject()) {
            return failed(RandomIds.uuid(), path, new IllegalStateException("response is not a JSON object"), start);
        }
        JsonNode id = response.get("decision_id");
        String decisionId = id != null && id.isTextual() ? id.textValue() : RandomIds.uuid();
        Optional<Value> result =
                response.has("result") ? Optional.of(Values.fromJson(response.get("result"))) : Optional.empty();
        return DecisionInterpreter.interpret(decisionId, path, result, since(start));
    }

    private Decision failed(String decisionId, String path, Throwable failure, long start) {
        String why = describe(failure);
        LOG.warn("decision {} on {} unavailable: {}", decisionId, path, why);
        return Decision.unavailable(decisionId, path, Optional.empty(), "policy service failed: " + why, since(start));
    }

    /** The remote's status and OPA error code, or the exception's kind: never its URL's credentials or headers. */
    private static String describe(Throwable failure) {
        if (failure instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + opaErrorCode(http.getResponseBody());
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static String opaErrorCode(String body) {
        try {
            JsonNode code = body == null ? null : MAPPER.readTree(body).get("code");
            return code != null && code.isTextual() ? " (" + code.textValue() + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String body(Value input) {
        ObjectNode body = MAPPER.createObjectNode();
        if (input != null) body.set("input", Values.toJson(input));
        return body.toString();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
