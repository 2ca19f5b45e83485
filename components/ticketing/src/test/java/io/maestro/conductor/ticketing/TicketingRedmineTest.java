package io.maestro.conductor.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.testing.AdapterHarness;
import io.maestro.conductor.adapter.testing.LogCapture;
import io.maestro.conductor.ticketing.FlakyProxy.Step;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ticketing:} on the real peer, Debian's Redmine 5 ({@link RedminePeer}); every outcome is checked in Redmine
 * itself. Failures Redmine cannot be made to produce (a 503, a 429, a lost answer) come from {@link FlakyProxy} in
 * front of it.
 */
@Tag("slow")
class TicketingRedmineTest {

    private static final String WRONG_KEY = "0000000000000000000000000000000000000bad";

    private RedminePeer redmine;
    private AdapterHarness ticketing;
    private FlakyProxy proxy;
    private final String key = "alert-" + UUID.randomUUID();

    @BeforeEach
    void start() {
        redmine = RedminePeer.shared();
        ticketing = new AdapterHarness(new TicketingComponent());
        ticketing.secrets.put("acme", "prod", "tickets-redmine", redmine.apiKey());
        ticketing.secrets.put("acme", "prod", "wrong-redmine", WRONG_KEY);
        ticketing.instances.put(TicketingInstances.redmine("acme", "tickets", redmine.baseUrl(), Map.of()));
    }

    @AfterEach
    void stop() {
        ticketing.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void createOpensOneIssueInTheProjectAndARetriedCreateFindsIt() {
        Exchange first = call("create", key, null, fields("Adapter acme/prod/ledger is DOWN", "since 13:00", "High"));

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(TicketingConstants.CREATED)).isEqualTo(true);
        String id = first.getMessage().getHeader(TicketingConstants.TICKET_ID, String.class);
        JsonNode issue = redmine.get("/issues/" + id + ".json").path("issue");
        assertThat(issue.path("subject").asText())
                .isEqualTo("[conductor:" + key + "] Adapter acme/prod/ledger is DOWN");
        assertThat(issue.path("description").asText()).isEqualTo("since 13:00");
        assertThat(issue.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(issue.path("project").path("name").asText()).isEqualTo("Ops");

        Exchange again = call("create", key, null, fields("Adapter acme/prod/ledger is DOWN", "retry", null));

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(TicketingConstants.CREATED)).isEqualTo(false);
        assertThat(again.getMessage().getHeader(TicketingConstants.TICKET_ID)).isEqualTo(id);
        assertThat(redmine.issues(RedminePeer.PROJECT, key)).hasSize(1);
    }

    @Test
    void aCreateWhoseAnswerWasLostIsRetriedWithoutASecondIssue() {
        proxy = new FlakyProxy(redmine.baseUrl()).on("POST", Step.LOSE_ANSWER);
        ticketing.instances.put(TicketingInstances.redmine("acme", "tickets", proxy.url(), Map.of()));

        Exchange created = call("create", key, null, fields("lost answer", null, null));

        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getHeader(TicketingConstants.CREATED))
                .as("the retry found the issue the lost answer made")
                .isEqualTo(false);
        assertThat(redmine.issues(RedminePeer.PROJECT, key)).hasSize(1);
        assertThat(proxy.requests.stream().filter(r -> r.startsWith("POST"))).hasSize(1);
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedWithBackoffUntilTheLimit() {
        proxy = new FlakyProxy(redmine.baseUrl()).on("GET", Step.FAIL_503, Step.FAIL_429);
        ticketing.instances.put(TicketingInstances.redmine("acme", "tickets", proxy.url(), Map.of()));

        assertThat(call("create", key, null, fields("after two failures", null, null))
                        .getException())
                .isNull();
        assertThat(redmine.issues(RedminePeer.PROJECT, key)).hasSize(1);

        proxy.on("GET", Step.FAIL_503, Step.FAIL_503, Step.FAIL_503, Step.FAIL_503);
        Exchange exhausted = call("lookup", key, null, null);
        assertThat(code(exhausted)).isEqualTo(TicketingErrorCode.TICKETING_UNREACHABLE);
        assertThat(((AdapterException) exhausted.getException()).code().isInstanceFault())
                .isTrue();
    }

    @Test
    void aThrottledCallWaitsRedminesRetryAfterAndOneAskingForAnHourFailsAtOnce() {
        proxy = new FlakyProxy(redmine.baseUrl()).on("GET", Step.THROTTLE_1S);
        ticketing.instances.put(TicketingInstances.redmine("acme", "tickets", proxy.url(), Map.of()));

        long started = System.nanoTime();
        Exchange waited = call("lookup", key, null, null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(waited.getException()).isNull();
        assertThat(took)
                .as("the backoff is 10 ms; Redmine asked for 1 s")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        proxy.on("GET", Step.THROTTLE_HOUR);
        int before = proxy.requests.size();
        started = System.nanoTime();
        Exchange refused = call("lookup", key, null, null);
        took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(code(refused)).isEqualTo(TicketingErrorCode.TICKETING_THROTTLED);
        assertThat(((AdapterException) refused.getException()).retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(proxy.requests.subList(before, proxy.requests.size()))
                .as("no retry: the caller's error handler decides")
                .hasSize(1);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aCommentOrClosingNoteWhoseAnswerWasLostIsPostedOnce() {
        String id = call("create", key, null, fields("lossy comments", null, null))
                .getMessage()
                .getHeader(TicketingConstants.TICKET_ID, String.class);
        proxy = new FlakyProxy(redmine.baseUrl()).on("PUT", Step.LOSE_ANSWER, Step.LOSE_ANSWER, Step.LOSE_ANSWER);
        ticketing.instances.put(TicketingInstances.redmine("acme", "tickets", proxy.url(), Map.of()));

        assertThat(call("comment", null, id, Map.of("text", "still down at 13:05"))
                        .getException())
                .isNull();
        assertThat(call("comment", null, id, Map.of("text", "still down at 13:05"))
                        .getException())
                .as("the same text asked again is a new comment")
                .isNull();
        assertThat(call("close", null, id, Map.of("note", "recovered at 13:10")).getException())
                .isNull();

        List<String> notes = new java.util.ArrayList<>();
        redmine.get("/issues/" + id + ".json?include=journals")
                .path("issue")
                .path("journals")
                .forEach(j -> notes.add(j.path("notes").asText()));
        assertThat(notes.stream().filter("still down at 13:05"::equals)).hasSize(2);
        assertThat(notes.stream().filter("recovered at 13:10"::equals)).hasSize(1);
        assertThat(redmine.get("/issues/" + id + ".json")
                        .path("issue")
                        .path("status")
                        .path("name")
                        .asText())
                .isEqualTo("Closed");
        assertThat(proxy.requests.stream().filter(r -> r.startsWith("PUT"))).hasSize(3);
    }

    @Test
    void concurrentCreatesOfOneKeyLeaveOneTicketAndAllAnswerIt() throws Exception {
        int callers = 6;
        proxy = new FlakyProxy(redmine.baseUrl()); // scripted with nothing: it only records
        ticketing.instances.put(TicketingInstances.redmine("acme", "tickets", proxy.url(), Map.of()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Exchange>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call("create", key, null, fields("raced", null, null));
                }));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            for (Future<Exchange> answer : answers) {
                Exchange created = answer.get(5, TimeUnit.MINUTES);
                assertThat(created.getException()).isNull();
                ids.add(created.getMessage().getHeader(TicketingConstants.TICKET_ID, String.class));
            }

            assertThat(ids).as("every caller answers the same ticket").hasSize(1);
            List<JsonNode> issues = redmine.issues(RedminePeer.PROJECT, key);
            assertThat(issues).hasSize(1);
            assertThat(issues.get(0).path("id").asText())
                    .isEqualTo(ids.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updateCommentAndCloseByExternalKeyAndCloseTwiceChangesNothing() {
        String id = call("create", key, null, fields("to be closed", "first", null))
                .getMessage()
                .getHeader(TicketingConstants.TICKET_ID, String.class);

        assertThat(call("update", key, null, fields("renamed", "second", "Urgent"))
                        .getException())
                .isNull();
        assertThat(call("comment", key, null, Map.of("text", "still down at 13:05"))
                        .getException())
                .isNull();
        Exchange closed = call("close", key, null, Map.of("note", "recovered at 13:10"));
        assertThat(closed.getException()).isNull();
        assertThat(closed.getMessage().getHeader(TicketingConstants.CLOSED)).isEqualTo(true);

        JsonNode issue = redmine.get("/issues/" + id + ".json?include=journals").path("issue");
        assertThat(issue.path("subject").asText()).isEqualTo("[conductor:" + key + "] renamed");
        assertThat(issue.path("description").asText()).isEqualTo("second");
        assertThat(issue.path("priority").path("name").asText()).isEqualTo("Urgent");
        assertThat(issue.path("status").path("name").asText()).isEqualTo("Closed");
        List<String> notes = new java.util.ArrayList<>();
        issue.path("journals").forEach(j -> notes.add(j.path("notes").asText()));
        assertThat(notes).contains("still down at 13:05", "recovered at 13:10");

        Exchange twice = call("close", null, id, Map.of("note", "again"));
        assertThat(twice.getException()).isNull();
        assertThat(redmine.get("/issues/" + id + ".json?include=journals")
                        .path("issue")
                        .path("journals"))
                .as("closing a closed ticket adds nothing")
                .hasSize(notes.size());

        Exchange lookup = call("lookup", key, null, null);
        assertThat(lookup.getMessage().getHeader(TicketingConstants.FOUND)).isEqualTo(true);
        assertThat(lookup.getMessage().getBody(Map.class))
                .containsEntry("id", id)
                .containsEntry("externalKey", key)
                .containsEntry("subject", "renamed")
                .containsEntry("closed", true);
        assertThat(call("create", key, null, fields("again", null, null))
                        .getMessage()
                        .getHeader(TicketingConstants.CREATED))
                .as("a closed ticket still holds its key")
                .isEqualTo(false);
    }

    @Test
    void aKeyIsNeverTakenForAnotherThatLooksLikeIt() {
        String base = "k_" + UUID.randomUUID().toString().substring(0, 8);
        call("create", base + "-1", null, fields("one", null, null));
        call("create", "kX" + base.substring(2), null, fields("LIKE wildcard twin", null, null));

        Exchange lookup = call("lookup", base, null, null);
        assertThat(lookup.getException()).isNull();
        assertThat(lookup.getMessage().getHeader(TicketingConstants.FOUND)).isEqualTo(false);
        assertThat(lookup.getMessage().getBody()).isNull();
        assertThat(call("create", base, null, fields("its own", null, null))
                        .getMessage()
                        .getHeader(TicketingConstants.CREATED))
                .isEqualTo(true);
    }

    @Test
    void anotherProjectsTicketIsNotFound() {
        RedminePeer.Answer other = redmine.send(
                "POST",
                "/issues.json",
                "{\"issue\": {\"project_id\": \"" + RedminePeer.OTHER_PROJECT + "\", \"subject\": \"theirs\"}}");
        assertThat(other.status()).isEqualTo(201);
        String id = other.body().path("issue").path("id").asText();

        for (String operation : List.of("comment", "close", "update")) {
            Object body = switch (operation) {
                case "comment" -> Map.of("text", "x");
                case "update" -> fields("x", null, null);
                default -> Map.of();
            };
            Exchange refused = call(operation, null, id, body);
            assertThat(code(refused)).as(operation).isEqualTo(TicketingErrorCode.TICKETING_NOT_FOUND);
        }
        JsonNode untouched =
                redmine.get("/issues/" + id + ".json?include=journals").path("issue");
        assertThat(untouched.path("journals")).isEmpty();
        assertThat(untouched.path("status").path("name").asText()).isEqualTo("New");
    }

    @Test
    void aWrongKeyOrAMissingProjectIsTheInstancesFault() {
        ticketing.instances.put(TicketingInstances.redmine("acme", "wrong", redmine.baseUrl(), Map.of()));
        ticketing.secrets.put("acme", "prod", "missing-redmine", redmine.apiKey());
        ticketing.instances.put(TicketingInstances.redmine(
                "acme", "missing", redmine.baseUrl(), Map.of(TicketingDefinitions.PROJECT, "no-such-project")));

        Exchange wrong = ticketing.call(
                "acme",
                "prod",
                "create",
                "wrong",
                Map.of(TicketingConstants.EXTERNAL_KEY, key),
                fields("x", null, null));
        Exchange missing = ticketing.call(
                "acme",
                "prod",
                "create",
                "missing",
                Map.of(TicketingConstants.EXTERNAL_KEY, key),
                fields("x", null, null));

        assertThat(code(wrong)).isEqualTo(TicketingErrorCode.TICKETING_AUTH_FAILED);
        assertThat(code(missing)).isEqualTo(TicketingErrorCode.TICKETING_FORBIDDEN);
        assertThat(((AdapterException) missing.getException()).code().isInstanceFault())
                .isTrue();
        assertThat(redmine.issues(RedminePeer.PROJECT, key)).isEmpty();
    }

    @Test
    void neitherTheApiKeyNorTheTicketsTextReachesLogsOrErrors() {
        String personal = "Ada Lovelace <ada@acme.example>, card 4111 1111 1111 1111";
        ticketing.instances.put(TicketingInstances.redmine("acme", "wrong", redmine.baseUrl(), Map.of()));
        try (LogCapture logs = new LogCapture()) {
            Exchange ok = call("create", key, null, fields("Customer " + personal, personal, null));
            Exchange refused = ticketing.call(
                    "acme",
                    "prod",
                    "comment",
                    "wrong",
                    Map.of(TicketingConstants.TICKET_ID, "1"),
                    Map.of("text", "call " + personal));
            Exchange rejected = call("create", "x" + key, null, Map.of("subject", "bad", "priority", "No-Such"));

            assertThat(ok.getException()).isNull();
            assertThat(logs.text())
                    .contains("ticketing create")
                    .doesNotContain(redmine.apiKey())
                    .doesNotContain(WRONG_KEY)
                    .doesNotContain("Lovelace")
                    .doesNotContain("ada@acme.example")
                    .doesNotContain("4111");
            for (Exchange failed : List.of(refused, rejected)) {
                for (Throwable e = failed.getException(); e != null; e = e.getCause()) {
                    assertThat(e.toString())
                            .isNotNull()
                            .doesNotContain(WRONG_KEY)
                            .doesNotContain(redmine.apiKey())
                            .doesNotContain("Lovelace");
                }
            }
        }
    }

    private Exchange call(String operation, String externalKey, String ticketId, Object body) {
        Map<String, Object> headers = new HashMap<>();
        if (externalKey != null) {
            headers.put(TicketingConstants.EXTERNAL_KEY, externalKey);
        }
        if (ticketId != null) {
            headers.put(TicketingConstants.TICKET_ID, ticketId);
        }
        return ticketing.call("acme", "prod", operation, "tickets", headers, body);
    }

    static Map<String, Object> fields(String subject, String description, String priority) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("subject", subject);
        if (description != null) {
            fields.put("description", description);
        }
        if (priority != null) {
            fields.put("priority", priority);
        }
        return fields;
    }

    static Object code(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(AdapterException.class);
        return ((AdapterException) exchange.getException()).code();
    }
}
