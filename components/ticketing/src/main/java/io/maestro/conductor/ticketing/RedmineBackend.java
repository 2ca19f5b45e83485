package io.maestro.conductor.ticketing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.HttpStatusCodes;
import io.maestro.conductor.adapter.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tickets as Redmine issues through its REST API (JSON, {@code X-Redmine-API-Key}), all in the instance's project.
 *
 * <p><b>External keys</b> live in the issue's subject as a leading tag {@code [conductor:<key>]}: Redmine filters
 * issues by subject ({@code subject=~<tag>}, any status) with no admin set-up (a custom field would need one per
 * Redmine), and the exact tag is checked on every answer, so a key is never taken for another that merely contains
 * it. A create first looks the key up and only then posts; a retry after a lost answer looks again, so it finds the
 * ticket the lost answer made instead of opening a second one. Two creates of the same key at the same instant (two
 * hubs) can both post: after posting, each looks again, and the lowest issue id is the key's ticket; a later one is
 * deleted (or, when the key's user may not delete, closed and untagged), so every caller answers the same ticket.
 *
 * <p>A comment (or a closing note) whose answer was lost is not posted again: each retry first looks for a journal
 * of the API key's user with that text, newer than the issue's last journal before the call.
 *
 * <p>No answer, 408, 429 and 5xx are retried with exponential backoff, waiting at least Redmine's {@code Retry-After}
 * (one beyond the SPI's cap ends the call: see {@code RetryPolicy}). Redirects are never followed. Nothing from
 * Redmine's answers (which can echo the ticket's text) goes into an error message.
 */
final class RedmineBackend implements TicketingBackend {

    static final String TAG_PREFIX = "[conductor:";
    private static final String API_KEY_HEADER = "X-Redmine-API-Key";
    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedmineSettings settings;
    private final Secret apiKey;
    private final String instanceId;
    private final HttpClient http;

    private volatile Integer projectId;
    private volatile Integer userId;
    private volatile Map<Integer, Boolean> closedByStatus;
    private volatile Map<String, Integer> priorities;

    RedmineBackend(RedmineSettings settings, Secret apiKey, String instanceId) {
        this.settings = settings;
        this.apiKey = apiKey;
        this.instanceId = instanceId;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static String tag(String externalKey) {
        return TAG_PREFIX + externalKey + "]";
    }

    @Override
    public Result create(String externalKey, TicketFields fields) {
        // Each attempt looks the key up first: a retry after a lost answer finds the ticket that answer made.
        Result result = settings.retry().run(attempt -> {
            Optional<Ticket> existing = find(externalKey);
            return existing.isPresent()
                    ? new Result(existing.get(), false, attempt)
                    : new Result(post(externalKey, fields), true, attempt);
        });
        return result.created() ? settle(externalKey, result) : result;
    }

    /** After a post: when another create of the key posted first (lower id), that is the ticket and ours goes. */
    private Result settle(String externalKey, Result mine) {
        Ticket first = retrying(() -> find(externalKey)).orElse(mine.ticket());
        if (first.id().equals(mine.ticket().id())) {
            return mine;
        }
        discard(mine.ticket(), first.id());
        return new Result(first, false, mine.attempts());
    }

    private void discard(Ticket duplicate, String keptId) {
        try {
            retrying(() -> request("DELETE", "/issues/" + duplicate.id() + ".json"));
        } catch (AdapterException refused) {
            if (refused.code() != TicketingErrorCode.TICKETING_FORBIDDEN) {
                throw refused;
            }
            // The key's user may not delete issues: take the tag off and close it, so no lookup finds it again.
            put(
                    duplicate.id(),
                    JSON.createObjectNode()
                            .put("subject", "[duplicate of #" + keptId + "] " + duplicate.subject())
                            .put("status_id", closedStatus()));
        }
    }

    @Override
    public Optional<Ticket> lookup(String externalKey) {
        return retrying(() -> find(externalKey));
    }

    @Override
    public Ticket get(String id) {
        return retrying(() -> read(id));
    }

    @Override
    public void update(String id, TicketFields fields) {
        Ticket ticket = get(id);
        ObjectNode issue = JSON.createObjectNode();
        if (fields.subject() != null) {
            issue.put("subject", subject(ticket.externalKey(), fields.subject()));
        }
        if (fields.description() != null) {
            issue.put("description", fields.description());
        }
        if (fields.priority() != null) {
            issue.put("priority_id", priority(fields.priority()));
        }
        put(id, issue);
    }

    @Override
    public void comment(String id, String text) {
        long seen = lastJournal(issue(id, true));
        putNoteOnce(id, JSON.createObjectNode().put("notes", text), text, seen);
    }

    @Override
    public Ticket close(String id, String note) {
        JsonNode current = issue(id, note != null);
        Ticket ticket = ticket(current);
        if (ticket.closed()) {
            return ticket;
        }
        ObjectNode issue = JSON.createObjectNode().put("status_id", closedStatus());
        if (note != null) {
            issue.put("notes", note);
            putNoteOnce(id, issue, note, lastJournal(current));
        } else {
            put(id, issue);
        }
        Ticket closed = get(id);
        if (!closed.closed()) {
            // Redmine ignores a status change its workflow does not allow the key's user, and still answers 204.
            throw new AdapterException(
                    TicketingErrorCode.TICKETING_REJECTED,
                    instanceId,
                    "Redmine's workflow does not let the API key's user close ticket " + id);
        }
        return closed;
    }

    /** The API key is a user's (anonymous answers 401 here), and the project is there and visible to it. */
    @Override
    public void probe() {
        retrying(() -> request("GET", "/users/current.json", null));
        projectId = null;
        retrying(this::projectId);
    }

    private Ticket post(String externalKey, TicketFields fields) {
        ObjectNode issue = JSON.createObjectNode()
                .put("project_id", projectId())
                .put("subject", subject(externalKey, fields.subject()));
        if (fields.description() != null) {
            issue.put("description", fields.description());
        }
        if (settings.trackerId() != null) {
            issue.put("tracker_id", settings.trackerId());
        }
        if (fields.priority() != null) {
            issue.put("priority_id", priority(fields.priority()));
        }
        JsonNode answer =
                request("POST", "/issues.json", JSON.createObjectNode().set("issue", issue));
        return ticket(issueOf(answer));
    }

    /**
     * PUTs {@code issue}, which adds the journal note {@code notes}; a retry first looks for that note among the
     * journals newer than {@code seen} by the key's user, and stops when an earlier attempt's PUT went through.
     */
    private void putNoteOnce(String id, ObjectNode issue, String notes, long seen) {
        settings.retry().run(attempt -> {
            if (attempt == 1 || !noted(id, notes, seen)) {
                request(
                        "PUT",
                        "/issues/" + id + ".json",
                        JSON.createObjectNode().set("issue", issue));
            }
            return null;
        });
    }

    private boolean noted(String id, String notes, long seen) {
        int user = userId();
        // Within an attempt of the caller's retry: no retry of its own.
        for (JsonNode journal : fetch(id, true).path("journals")) {
            if (journal.path("id").asLong() > seen
                    && journal.path("user").path("id").asInt(-1) == user
                    && sameText(journal.path("notes").asText(""), notes)) {
                return true;
            }
        }
        return false;
    }

    /** Redmine keeps notes with CRLF line ends and without trailing blanks. */
    private static boolean sameText(String stored, String sent) {
        return stored.replace("\r\n", "\n")
                .strip()
                .equals(sent.replace("\r\n", "\n").strip());
    }

    private static long lastJournal(JsonNode issue) {
        long last = 0;
        for (JsonNode journal : issue.path("journals")) {
            last = Math.max(last, journal.path("id").asLong());
        }
        return last;
    }

    private int userId() {
        Integer id = userId;
        if (id == null) {
            id = request("GET", "/users/current.json").path("user").path("id").asInt(-1);
            userId = id;
        }
        return id;
    }

    private void put(String id, ObjectNode issue) {
        retrying(() -> request(
                "PUT", "/issues/" + id + ".json", JSON.createObjectNode().set("issue", issue)));
    }

    private Optional<Ticket> find(String externalKey) {
        String tag = tag(externalKey);
        int project = projectId();
        JsonNode answer = request(
                "GET",
                "/issues.json?project_id=" + project + "&status_id=*&sort=id&limit=100&subject="
                        + URLEncoder.encode("~" + tag, StandardCharsets.UTF_8));
        JsonNode best = null;
        for (JsonNode issue : answer.path("issues")) {
            // "contains" is a LIKE: check the exact tag, and the project (subprojects' issues are listed too).
            if (issue.path("subject").asText("").startsWith(tag)
                    && issue.path("project").path("id").asInt(-1) == project
                    && (best == null
                            || issue.path("id").asLong() < best.path("id").asLong())) {
                best = issue;
            }
        }
        return Optional.ofNullable(best).map(this::ticket);
    }

    private Ticket read(String id) {
        return ticket(fetch(id, false));
    }

    /** The issue's JSON (with its journals when asked), retried; another project's is not found. */
    private JsonNode issue(String id, boolean journals) {
        return retrying(() -> fetch(id, journals));
    }

    private JsonNode fetch(String id, boolean journals) {
        JsonNode issue;
        try {
            issue = issueOf(request("GET", "/issues/" + id + ".json" + (journals ? "?include=journals" : ""), null));
        } catch (AdapterException e) {
            if (e.code() == TicketingErrorCode.TICKETING_FORBIDDEN) {
                throw notFound(id); // an issue of a project the key may not see: as absent as one never made
            }
            throw e;
        }
        if (issue.path("project").path("id").asInt(-1) != projectId()) {
            throw notFound(id); // another project's ticket is not this instance's
        }
        return issue;
    }

    private AdapterException notFound(String id) {
        return new AdapterException(
                TicketingErrorCode.TICKETING_NOT_FOUND, instanceId, "no ticket " + id + " in the instance's project");
    }

    private Ticket ticket(JsonNode issue) {
        String subject = issue.path("subject").asText("");
        String key = null;
        if (subject.startsWith(TAG_PREFIX) && subject.indexOf(']') > 0) {
            key = subject.substring(TAG_PREFIX.length(), subject.indexOf(']'));
            subject = subject.substring(subject.indexOf(']') + 1).strip();
        }
        int status = issue.path("status").path("id").asInt(-1);
        return new Ticket(
                issue.path("id").asText(),
                key,
                subject,
                issue.path("status").path("name").asText(null),
                statuses().getOrDefault(status, false));
    }

    private JsonNode issueOf(JsonNode answer) {
        JsonNode issue = answer == null ? null : answer.get("issue");
        if (issue == null || !issue.path("id").canConvertToLong()) {
            throw new AdapterException(
                    TicketingErrorCode.TICKETING_FAILED, instanceId, "Redmine's answer has no issue");
        }
        return issue;
    }

    private static String subject(String externalKey, String subject) {
        String text = subject == null || subject.isBlank() ? "Conductor ticket" : subject;
        return externalKey == null ? text : tag(externalKey) + " " + text;
    }

    private int projectId() {
        Integer id = projectId;
        if (id == null) {
            JsonNode project;
            try {
                project = request(
                        "GET", "/projects/" + URLEncoder.encode(settings.project(), StandardCharsets.UTF_8) + ".json");
            } catch (AdapterException e) {
                if (e.code() == TicketingErrorCode.TICKETING_NOT_FOUND) {
                    throw new AdapterException(
                            TicketingErrorCode.TICKETING_FORBIDDEN,
                            instanceId,
                            "the instance's project does not exist or the API key may not see it");
                }
                throw e;
            }
            id = project.path("project").path("id").asInt(-1);
            if (id < 0) {
                throw new AdapterException(
                        TicketingErrorCode.TICKETING_FAILED, instanceId, "Redmine's answer has no project");
            }
            projectId = id;
        }
        return id;
    }

    /** Status id to whether it closes an issue. */
    private Map<Integer, Boolean> statuses() {
        Map<Integer, Boolean> known = closedByStatus;
        if (known == null) {
            Map<Integer, Boolean> read = new HashMap<>();
            for (JsonNode status : request("GET", "/issue_statuses.json").path("issue_statuses")) {
                read.put(status.path("id").asInt(), status.path("is_closed").asBoolean(false));
            }
            closedByStatus = known = Map.copyOf(read);
        }
        return known;
    }

    private int closedStatus() {
        if (settings.closedStatusId() != null) {
            return settings.closedStatusId();
        }
        int first = -1;
        for (JsonNode status : request("GET", "/issue_statuses.json").path("issue_statuses")) {
            if (status.path("is_closed").asBoolean(false)) {
                if ("Closed".equalsIgnoreCase(status.path("name").asText())) {
                    return status.path("id").asInt();
                }
                first = first < 0 ? status.path("id").asInt() : first;
            }
        }
        if (first < 0) {
            throw new AdapterException(
                    TicketingErrorCode.TICKETING_REJECTED, instanceId, "Redmine has no closed issue status");
        }
        return first;
    }

    private int priority(String name) {
        Map<String, Integer> known = priorities;
        if (known == null) {
            Map<String, Integer> read = new HashMap<>();
            for (JsonNode priority :
                    request("GET", "/enumerations/issue_priorities.json").path("issue_priorities")) {
                read.put(
                        priority.path("name").asText().toLowerCase(java.util.Locale.ROOT),
                        priority.path("id").asInt());
            }
            priorities = known = Map.copyOf(read);
        }
        Integer id = known.get(name.toLowerCase(java.util.Locale.ROOT));
        if (id == null) {
            throw new AdapterException(
                    TicketingErrorCode.TICKETING_REQUEST_INVALID, instanceId, "Redmine has no such priority");
        }
        return id;
    }

    private JsonNode request(String method, String path) {
        return request(method, path, null);
    }

    /** One HTTP exchange: the answer's JSON (null when it has none), or a coded failure. */
    private JsonNode request(String method, String path, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.resolve(path))
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "Conductor-Ticketing/1")
                .header(API_KEY_HEADER, apiKey.reveal());
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new AdapterException(
                        TicketingErrorCode.TICKETING_REQUEST_INVALID, instanceId, "the ticket does not serialise");
            }
        }
        int status;
        byte[] answer;
        String retryAfter;
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            try (InputStream in = response.body()) {
                answer = status >= 200 && status < 300 ? in.readNBytes(MAX_ANSWER_BYTES + 1) : new byte[0];
            }
        } catch (IOException e) {
            // The class only: an I/O message can hold the URL.
            throw new AdapterException(
                    TicketingErrorCode.TICKETING_UNREACHABLE,
                    instanceId,
                    "Redmine did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException(TicketingErrorCode.TICKETING_UNREACHABLE, instanceId, "interrupted");
        }
        if (status < 200 || status >= 300) {
            throw new AdapterException(codeFor(status), instanceId, "Redmine answered HTTP " + status + " to " + method)
                    .retryAfter(HttpStatusCodes.retryAfter(retryAfter, Clock.systemUTC()));
        }
        if (answer.length > MAX_ANSWER_BYTES) {
            throw new AdapterException(
                    TicketingErrorCode.TICKETING_FAILED, instanceId, "Redmine's answer is too large");
        }
        if (answer.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new AdapterException(TicketingErrorCode.TICKETING_FAILED, instanceId, "Redmine's answer is not JSON");
        }
    }

    /** What an HTTP status from Redmine means; 3xx (never followed) is not its API answering. */
    static TicketingErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> TicketingErrorCode.TICKETING_AUTH_FAILED;
            case 403 -> TicketingErrorCode.TICKETING_FORBIDDEN;
            case 404, 410 -> TicketingErrorCode.TICKETING_NOT_FOUND;
            case 408, 502, 503, 504 -> TicketingErrorCode.TICKETING_UNREACHABLE;
            case 429 -> TicketingErrorCode.TICKETING_THROTTLED;
            default ->
                status >= 400 && status < 500
                        ? TicketingErrorCode.TICKETING_REJECTED
                        : TicketingErrorCode.TICKETING_FAILED;
        };
    }

    private <T> T retrying(Supplier<T> call) {
        return settings.retry().run(attempt -> call.get());
    }

    @Override
    public void close() {
        // The JDK HTTP client of Java 17 holds nothing that needs closing.
    }
}
