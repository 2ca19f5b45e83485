package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful Stripe-compatible API server on {@code 127.0.0.1} (a free port), for exactly what the payments adapter
 * uses: customers, products, prices, subscriptions, billing meters and meter events, invoices and webhook endpoints,
 * at API version {@value #API_VERSION}. It speaks Stripe's wire protocol (form-encoded bodies with bracket notation,
 * Bearer or Basic auth with the secret key, {@code Idempotency-Key} replays, the error envelope, {@code Request-Id},
 * cursor pagination) and signs the webhooks it sends. No Stripe server can run here; see sandbox/README.md for
 * where it deliberately differs from Stripe.
 */
public final class StripeSandbox implements AutoCloseable {

    /** The version stripe-java 33.3.0 pins. */
    public static final String API_VERSION = "2026-07-29.dahlia";

    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs each answer
        // can stall ~40 ms. Read once, when the server classes first load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String secretKey;
    private final Clock clock;
    private final WebhookDispatcher webhooks;
    private final SandboxState state;
    private final MeterEventStreamApi meterEventStream;
    private final IdempotencyCache idempotency = new IdempotencyCache();
    private final Router router = new Router();
    private final Deque<Fault> faults = new ArrayDeque<>();
    /** Appended on every request: a copy-on-write list would copy the whole history each time (quadratic). */
    private final List<RecordedRequest> requests = new ArrayList<>();

    private final HttpServer server;
    private final ExecutorService workers;

    private StripeSandbox(String secretKey, Clock clock) throws IOException {
        this.secretKey = secretKey;
        this.clock = clock;
        this.webhooks = new WebhookDispatcher(clock);
        this.state = new SandboxState(clock, webhooks);
        MeterApi meters = new MeterApi(state);
        new CustomerApi(state).register(router);
        new CatalogApi(state).register(router);
        new SubscriptionApi(state).register(router);
        meters.register(router);
        new InvoiceApi(state, meters).register(router);
        this.meterEventStream = new MeterEventStreamApi(state, meters);
        new WebhookEndpointApi(state).register(router);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "stripe-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a sandbox on a free loopback port that accepts only {@code secretKey}. */
    public static StripeSandbox start(String secretKey) {
        return start(secretKey, Clock.systemUTC());
    }

    /** As {@link #start(String)}, with the clock that stamps objects, checks meter event times and signs webhooks. */
    public static StripeSandbox start(String secretKey, Clock clock) {
        if (secretKey == null || !secretKey.startsWith("sk_")) {
            throw new IllegalArgumentException("a Stripe secret key starts with sk_");
        }
        try {
            return new StripeSandbox(secretKey, clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Stripe sandbox", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: give it to stripe-java as the API base. */
    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next requests, one each, with these failures (in order) instead of running them normally. */
    public void injectFaults(Fault... next) {
        synchronized (faults) {
            faults.addAll(List.of(next));
        }
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<JsonNode> customers() {
        return snapshot(state.customers.values());
    }

    public List<JsonNode> subscriptions() {
        return snapshot(state.subscriptions.values());
    }

    public List<JsonNode> invoices() {
        return snapshot(state.invoices.values());
    }

    public List<JsonNode> meterEvents() {
        synchronized (state) {
            List<JsonNode> events = new ArrayList<>();
            state.meterEvents.forEach(record -> events.add(record.event.deepCopy()));
            return events;
        }
    }

    /** Events the v2 meter event stream took but dropped (its validation is asynchronous), oldest first. */
    public List<DroppedMeterEvent> droppedMeterEvents() {
        synchronized (state) {
            return meterEventStream.errors();
        }
    }

    /** Events in creation order, as delivered to webhook endpoints. */
    public List<JsonNode> events() {
        return snapshot(state.events.values());
    }

    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** Waits until at least {@code count} webhook deliveries were answered (or the timeout passed), and returns them. */
    public List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout) throws InterruptedException {
        return webhooks.awaitDeliveries(count, timeout);
    }

    /** Sends an earlier delivery again, freshly signed, as Stripe's automatic retries and manual resends do. */
    public void resend(WebhookDelivery delivery) {
        String secret;
        synchronized (state) {
            secret = state.webhookEndpoints.entrySet().stream()
                    .filter(entry -> entry.getValue().get("url").asText().equals(delivery.url()))
                    .map(entry -> state.webhookSecrets.get(entry.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no endpoint for " + delivery.url()));
        }
        webhooks.resend(delivery, secret);
    }

    private List<JsonNode> snapshot(Collection<ObjectNode> objects) {
        synchronized (state) {
            List<JsonNode> copies = new ArrayList<>();
            objects.forEach(object -> copies.add(object.deepCopy()));
            return copies;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String idempotencyKey =
                "POST".equals(method) ? exchange.getRequestHeaders().getFirst("Idempotency-Key") : null;
        String requestId = "req_" + StripeObjects.newId("x").substring(2);
        exchange.getResponseHeaders().set("Request-Id", requestId);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Stripe-Version", API_VERSION);
        if (idempotencyKey != null) {
            exchange.getResponseHeaders().set("Idempotency-Key", idempotencyKey);
        }
        try {
            Fault fault;
            synchronized (faults) {
                fault = faults.poll();
            }
            if (fault == Fault.RATE_LIMITED) {
                throw new StripeApiException(
                        429,
                        "invalid_request_error",
                        "rate_limit",
                        "Too many requests hit the API "
                                + "too quickly. We recommend an exponential backoff of your requests.",
                        null);
            }
            if (fault == Fault.SERVER_ERROR) {
                throw new StripeApiException(500, "api_error", null, "An unknown error occurred", null);
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (MeterEventStreamApi.handles(path)) {
                answerV2(exchange, method, path, authorization, fault, idempotencyKey);
                return;
            }
            authenticate(authorization);
            String encoded = "GET".equals(method) ? exchange.getRequestURI().getRawQuery() : body(exchange);
            Map<String, Object> params = FormParams.parse(encoded);
            Router.Match match = router.match(method, path);
            StripeRequest request =
                    new StripeRequest(method, path, match.pathVariables(), params, requestId, idempotencyKey);
            String answer;
            IdempotencyCache.Result earlier = null;
            synchronized (state) {
                String fingerprint = idempotencyKey == null ? null : fingerprint(method, path, params);
                if (idempotencyKey != null) {
                    if (idempotencyKey.length() > IdempotencyCache.MAX_KEY_LENGTH) {
                        throw StripeApiException.invalid(
                                null,
                                "Idempotency-Key must be at most " + IdempotencyCache.MAX_KEY_LENGTH + " characters.",
                                null);
                    }
                    earlier = idempotency.replay(idempotencyKey, fingerprint, state.now());
                }
                if (earlier == null) {
                    answer = CANONICAL
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(match.handler().handle(request));
                    if (idempotencyKey != null) {
                        idempotency.store(idempotencyKey, fingerprint, 200, answer, state.now());
                    }
                } else {
                    answer = earlier.body();
                }
            }
            if (earlier != null) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
                respond(exchange, earlier.status(), answer, method, path, idempotencyKey, true);
                return;
            }
            if (fault == Fault.RESPONSE_LOST) {
                breakConnection(exchange, method, path, idempotencyKey);
                return;
            }
            respond(exchange, 200, answer, method, path, idempotencyKey, false);
        } catch (StripeApiException e) {
            respond(exchange, e.status, e.envelope().toPrettyString(), method, path, idempotencyKey, false);
        } catch (RuntimeException e) {
            StripeApiException error =
                    new StripeApiException(500, "api_error", null, "An unknown error occurred", null);
            respond(exchange, 500, error.envelope().toPrettyString(), method, path, idempotencyKey, false);
        } finally {
            exchange.close();
        }
    }

    /**
     * A v2 request: JSON in and out, the stream authenticated by a session token instead of the key. Its
     * {@code Idempotency-Key} is not replayed (the stream deduplicates events by their identifiers).
     */
    private void answerV2(
            HttpExchange exchange, String method, String path, String authorization, Fault fault, String idempotencyKey)
            throws IOException {
        String body = body(exchange);
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        ObjectNode answer;
        synchronized (state) {
            answer = meterEventStream.handle(method, path, () -> authenticate(authorization), bearer, body);
        }
        if (fault == Fault.RESPONSE_LOST) {
            breakConnection(exchange, method, path, idempotencyKey);
            return;
        }
        respond(
                exchange,
                200,
                CANONICAL.writerWithDefaultPrettyPrinter().writeValueAsString(answer),
                method,
                path,
                idempotencyKey,
                false);
    }

    private void authenticate(String authorization) {
        String presented = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                presented = colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                presented = "";
            }
        }
        if (presented == null || presented.isEmpty()) {
            throw new StripeApiException(
                    401,
                    "invalid_request_error",
                    null,
                    "You did not provide an API key. You need "
                            + "to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: "
                            + "Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we "
                            + "can help at https://support.stripe.com/.",
                    null);
        }
        if (!MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), secretKey.getBytes(StandardCharsets.UTF_8))) {
            throw new StripeApiException(
                    401,
                    "invalid_request_error",
                    "api_key_invalid",
                    "Invalid API Key provided: " + redact(presented),
                    null);
        }
    }

    /** As Stripe shows a refused key: its prefix and last four characters. */
    private static String redact(String key) {
        int prefix = key.startsWith("sk_test_") || key.startsWith("sk_live_") ? 8 : 0;
        if (key.length() <= prefix + 4) {
            return "*".repeat(key.length());
        }
        return key.substring(0, prefix) + "*".repeat(key.length() - prefix - 4) + key.substring(key.length() - 4);
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw StripeApiException.invalid(null, "Request body too large.", null);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String fingerprint(String method, String path, Map<String, Object> params) {
        try {
            return method + " " + path + " " + CANONICAL.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void respond(
            HttpExchange exchange,
            int status,
            String body,
            String method,
            String path,
            String idempotencyKey,
            boolean replayed)
            throws IOException {
        // Recorded before answering: a client that has its answer finds its request in requests().
        record(new RecordedRequest(method, path, idempotencyKey, status, replayed));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void record(RecordedRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
    }

    /** Closes the connection before any answer: the client sees the server hang up (end of stream, no status). */
    private void breakConnection(HttpExchange exchange, String method, String path, String idempotencyKey) {
        record(new RecordedRequest(method, path, idempotencyKey, -1, false));
        exchange.close();
    }

    public void stop() {
        server.stop(0);
        workers.shutdownNow();
        webhooks.close();
    }

    @Override
    public void close() {
        stop();
    }
}
