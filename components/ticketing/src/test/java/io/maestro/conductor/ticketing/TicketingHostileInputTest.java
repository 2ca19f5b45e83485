package io.maestro.conductor.ticketing;

import static io.maestro.conductor.ticketing.TicketingRedmineTest.code;
import static io.maestro.conductor.ticketing.TicketingRedmineTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.testing.AdapterHarness;
import io.maestro.conductor.adapter.testing.LogCapture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile calls and configs are refused before anything reaches the tracker: a listener on 127.0.0.1 stands where
 * Redmine would be and records every request (none may arrive).
 */
class TicketingHostileInputTest {

    private static final String API_KEY = "hostile-test-api-key-7Qx2Lm9Vb4";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer tracker;
    private AdapterHarness ticketing;

    @BeforeEach
    void start() throws IOException {
        tracker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tracker.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        tracker.start();
        ticketing = new AdapterHarness(new TicketingComponent());
        ticketing.secrets.put("acme", "prod", "tickets-redmine", API_KEY);
        ticketing.instances.put(TicketingInstances.redmine(
                "acme",
                "tickets",
                "http://127.0.0.1:" + tracker.getAddress().getPort(),
                Map.of(TicketingDefinitions.MAX_RETRIES, "0")));
    }

    @AfterEach
    void stop() {
        ticketing.close();
        tracker.stop(0);
    }

    @Test
    void malformedKeysIdsAndFieldsAreRefusedBeforeTheTracker() {
        Map<String, Object> fine = fields("ok", null, null);
        List<Exchange> refused = List.of(
                call("create", Map.of(), fine),
                call("create", Map.of(TicketingConstants.EXTERNAL_KEY, "a]b"), fine),
                call("create", Map.of(TicketingConstants.EXTERNAL_KEY, "a b"), fine),
                call("create", Map.of(TicketingConstants.EXTERNAL_KEY, "x".repeat(101)), fine),
                call("lookup", Map.of(TicketingConstants.EXTERNAL_KEY, "%25"), null),
                call("create", key(), fields("two\r\nlines", null, null)),
                call("create", key(), fields("s".repeat(TicketingOperations.MAX_SUBJECT + 1), null, null)),
                call("create", key(), fields("ok", "d".repeat(TicketingOperations.MAX_TEXT + 1), null)),
                call("create", key(), fields("ok", null, "High'); DROP")),
                call("create", key(), Map.of("subject", "ok", "project_id", "other")),
                call("create", key(), Map.of("subject", 42)),
                call("create", key(), "not a map"),
                call("comment", Map.of(TicketingConstants.TICKET_ID, "1"), Map.of("text", "")),
                call("comment", Map.of(TicketingConstants.TICKET_ID, "1"), "a bare string"),
                call("comment", Map.of(TicketingConstants.TICKET_ID, "1"), Map.of("text", "x", "status_id", 5)),
                call(
                        "comment",
                        Map.of(TicketingConstants.TICKET_ID, "1"),
                        Map.of("text", "c".repeat(TicketingOperations.MAX_TEXT + 1))),
                call("comment", Map.of(TicketingConstants.TICKET_ID, "../../users/1"), Map.of("text", "x")),
                call("close", Map.of(TicketingConstants.TICKET_ID, "1.json?key=x"), null),
                call("close", Map.of(), null));

        for (Exchange exchange : refused) {
            assertThat(code(exchange)).isEqualTo(TicketingErrorCode.TICKETING_REQUEST_INVALID);
            assertThat(exchange.getException().getMessage()).doesNotContain(API_KEY);
        }
        assertThat(requests).as("nothing reached the tracker").isEmpty();
    }

    @Test
    void anEndpointOffLoopbackMustBeHttpsWithoutCredentialsOrQuery() {
        for (String url : List.of(
                "http://redmine.example.com",
                "https://user:pw@redmine.example.com",
                "https://redmine.example.com/?key=x",
                "ftp://redmine.example.com")) {
            ticketing.instances.put(TicketingInstances.redmine("acme", "tickets", url, Map.of()));
            assertThat(code(call("lookup", key(), null))).as(url).isEqualTo(SpiErrorCode.CONFIG_INVALID);
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void aTrackerFailureNamesTheStatusButNeitherKeyNorText() {
        try (LogCapture logs = new LogCapture()) {
            Exchange failed = call("create", key(), fields("Ada Lovelace's account", "ada@acme.example", null));

            assertThat(code(failed)).isEqualTo(TicketingErrorCode.TICKETING_FAILED);
            assertThat(failed.getException().getMessage()).contains("HTTP 500");
            assertThat(logs.text() + failed.getException())
                    .doesNotContain(API_KEY)
                    .doesNotContain("Lovelace")
                    .doesNotContain("ada@acme.example");
        }
        assertThat(requests).hasSize(1);
    }

    private static Map<String, Object> key() {
        return Map.of(TicketingConstants.EXTERNAL_KEY, "alert-1");
    }

    private Exchange call(String operation, Map<String, Object> headers, Object body) {
        return ticketing.call("acme", "prod", operation, "tickets", new HashMap<>(headers), body);
    }
}
