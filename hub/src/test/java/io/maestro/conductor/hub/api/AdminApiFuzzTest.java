package io.maestro.conductor.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every admin endpoint that takes a body, fed random, truncated, huge, deeply nested and type-confused JSON and
 * YAML, odd unicode and invalid UTF-8, odd content types, and CR/LF in header values, as a tenant-scoped user and as
 * the operator. The hub must answer each with a 2xx or a 4xx problem (never a 5xx, never a stack trace) within
 * {@link #PER_REQUEST} and stay alive in the heap this JVM runs in: 256 MB (surefire execution
 * {@code admin-api-fuzz-256m} in the hub's pom, selected by tag {@code heap-256m}, with
 * {@code -XX:+ExitOnOutOfMemoryError}).
 *
 * <p>Reproducible: seeded ({@code -Dfuzz.seed=...}, default {@value #DEFAULT_SEED}) with a fixed number of cases
 * ({@code -Dfuzz.cases=...}, default {@value #DEFAULT_CASES}); every failure names its seed and case.
 */
@Tag("heap-256m")
class AdminApiFuzzTest extends HubIntegrationTest {

    private static final long DEFAULT_SEED = 20261203L;
    private static final int DEFAULT_CASES = 400;
    private static final long HEAP_BOUND = 256L * 1024 * 1024;
    private static final Duration PER_REQUEST = Duration.ofSeconds(20);
    private static final int BODY_LIMIT = 1024 * 1024;

    private static final String BASE = "/api/tenants/atlas/environments/dev";
    private static final String JSON = "application/json";
    private static final String YAML = "application/yaml";

    /** One endpoint that takes a body: method, path, content type, a valid body to mutate, who may call it. */
    private record Target(String method, String path, String contentType, String seed, boolean operatorOnly) {}

    private static final List<Target> TARGETS = List.of(
            new Target("POST", BASE + "/adapters/fuzzed", JSON, """
                    {"definition": "s3-storage", "region": "eu-west-1", "config": {"bucket": "fuzz-bucket",
                     "region": "eu-west-1", "accessKey": "secret:evidence-access-key",
                     "secretKey": "secret:evidence-secret-key", "keyPrefix": "fuzz/"}}""", false),
            new Target("PUT", BASE + "/adapters/evidence", JSON, """
                    {"configVersion": 1, "state": "ACTIVE", "region": "eu-west-1", "config": {"bucket": "b-b-b",
                     "region": "eu-west-1", "forcePathStyle": true, "accessKey": "secret:evidence-access-key",
                     "secretKey": "secret:evidence-secret-key"}}""", false),
            new Target("PUT", BASE + "/secrets/fuzzed", JSON, "{\"value\": \"not-a-real-secret\"}", false),
            new Target("POST", BASE + "/workflows/validate", YAML, """
                    - route:
                        id: fuzzed
                        from:
                          uri: direct:in
                          parameters: {period: 5}
                          steps:
                            - to: storage:put_object?instance=evidence
                            - toD: {uri: "storage:get_object", parameters: {instance: archive}}
                    """, false),
            // No classification: a mutation that stays valid must not start a real upload (none is reachable here).
            new Target("POST", BASE + "/evidence", JSON, """
                    {"bundleId": "fuzz-1", "region": "eu-west-1",
                     "files": [{"name": "a.txt", "contentType": "text/plain", "content": "aGVsbG8="}]}""", false),
            new Target(
                    "POST",
                    "/api/tenants/atlas/evidence/failed/00000000-0000-0000-0000-000000000000/retry",
                    JSON,
                    "{}",
                    false),
            new Target("POST", "/v1/data/residency/allow", JSON, """
                    {"input": {"tenant": "atlas", "action": "storage.put_object",
                     "adapter": {"region": "eu-west-1"}, "data": {"region": "eu-west-1"}}}""", true));

    private static final String[] ODD_TEXT = {
        "\u0000",
        "\u202E\u202Dgnp.exe",
        "\uFEFF",
        "\uD83D\uDE00\uD83D\uDC7E",
        "\u0301\u0301\u0301",
        "\uFFFF\uFFFE",
        "\\ud800",
        "\\u0000",
        "%00%0d%0a",
        "../../../etc/passwd",
        "${jndi:ldap://127.0.0.1/x}",
        "#{7*7}",
        "'; DROP TABLE adapter_instance; --",
        "\r\n\r\nHTTP/1.1 200 OK",
        "secret:",
        "secret:../../x",
        "1e999999",
        "-0",
        "123456789012345678901234567890",
        "NaN",
        "true",
        "null",
        "~",
        "!!binary aGk=",
        "!!java.lang.Runtime",
        "<<: *a",
        "\t- a",
        "&a [*a]",
        "? complex\n: key"
    };
    private static final byte[][] BAD_BYTES = {
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF, (byte) 0xFE},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {0x00, 0x00}
    };
    private static final String[] CONTENT_TYPES = {
        JSON,
        YAML,
        "text/plain",
        "application/json; charset=utf-16",
        "application/json; charset=x-unknown-1",
        "application/json; charset=",
        "multipart/form-data; boundary=",
        "application/x-www-form-urlencoded",
        "a/b;;;;=",
        "application/merge-patch+json",
        "*/*",
        ""
    };

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PER_REQUEST)
            .build();

    @Test
    void everyBodyIsAnsweredWithA2xxOrA4xxProblemInBoundedTimeAndHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this test runs in a 256 MB heap")
                .isLessThanOrEqualTo(HEAP_BOUND);
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < cases; n++) {
            Target target = TARGETS.get(random.nextInt(TARGETS.size()));
            boolean asOperator = target.operatorOnly() || random.nextInt(4) == 0;
            String user = asOperator ? OPERATOR : ATLAS_USER;
            String password = asOperator ? operatorPassword() : ATLAS_PASSWORD;
            String label = "seed " + seed + " case " + n + " " + target.method() + " " + target.path();
            String failure = random.nextInt(8) == 0
                    ? rawRequestWithOddHeaders(random, target, user, password, label)
                    : request(random, target, user, password, label);
            if (failure != null) {
                failures.add(failure);
            }
        }
        assertThat(failures).as("answers that were not a 2xx or a 4xx problem").isEmpty();
        assertThat(api.anonymousGet("/actuator/health").json().path("status").asText())
                .isEqualTo("UP");
    }

    private String request(Random random, Target target, String user, String password, String label)
            throws InterruptedException {
        int kind = random.nextInt(10);
        byte[] body = mutate(random, target, kind);
        String contentType =
                random.nextInt(6) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] : target.contentType();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target.path()))
                .timeout(PER_REQUEST)
                .header("Authorization", basic(user, password))
                .method(
                        target.method(),
                        random.nextBoolean()
                                ? HttpRequest.BodyPublishers.ofByteArray(body)
                                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (target.method().equals("PUT") && random.nextBoolean()) {
            request.header("If-Match", ODD_TEXT[random.nextInt(ODD_TEXT.length)].replaceAll("[^\\x20-\\x7E]", "?"));
        }
        String what = label + " mutation " + kind + " (" + body.length + " bytes, " + contentType + ")";
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return judge(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    what,
                    opaEnvelope(target));
        } catch (IOException e) {
            // The hub may close a connection whose body it refused before reading it all (413 past the swallow size).
            return body.length > BODY_LIMIT ? null : what + ": " + e;
        }
    }

    /** A request written byte by byte, so header values can hold what HTTP clients refuse to send. */
    private String rawRequestWithOddHeaders(Random random, Target target, String user, String password, String label)
            throws IOException {
        byte[] body = target.seed().getBytes(StandardCharsets.UTF_8);
        String odd = switch (random.nextInt(6)) {
            case 0 -> "abc\r\nX-Injected: yes";
            case 1 -> "abc\rX-Injected: yes";
            case 2 -> "abc\nX-Injected: yes";
            case 3 -> "abc\u0000def";
            case 4 -> "caf\u00e9-\u202E-\uD83D\uDE00";
            default -> " folded\r\n continued";
        };
        String header = random.nextBoolean() ? "X-Correlation-Id" : "Content-Type";
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes((target.method() + " " + target.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAuthorization: " + basic(user, password) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        if (!header.equals("Content-Type")) {
            wire.writeBytes(("Content-Type: " + target.contentType() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        wire.writeBytes((header + ": ").getBytes(StandardCharsets.ISO_8859_1));
        wire.writeBytes(odd.getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        wire.writeBytes(("\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        wire.writeBytes(body);
        String what =
                label + " header " + header + "=" + odd.replace("\r", "\\r").replace("\n", "\\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) PER_REQUEST.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(wire.toByteArray());
            out.flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            if (!answer.startsWith("HTTP/1.1 ") || headEnd < 0) {
                return what + ": not an HTTP answer: " + answer;
            }
            String head = answer.substring(0, headEnd);
            if (head.toLowerCase().contains("\r\nx-injected")) {
                return what + ": the injected header came back: " + head;
            }
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines()
                    .filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip())
                    .findFirst()
                    .orElse("");
            return judge(status, contentType, answer.substring(headEnd + 4), what, opaEnvelope(target));
        }
    }

    /**
     * {@code null} when the answer is a success or a 4xx problem. A 400 that Tomcat gives before the request reaches
     * the application (a header it cannot parse) has no body at all; that is accepted, a body of another kind is not.
     */
    private static boolean opaEnvelope(Target target) {
        return target.path().startsWith("/v1/data");
    }

    /** {@code opaEnvelope}: the OPA Data API answers errors in OPA's own shape, {@code {"code", "message"}}. */
    private static String judge(int status, String contentType, String body, String what, boolean opaEnvelope) {
        if (body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")) {
            return what + ": " + status + " with a stack trace or exception name: " + body;
        }
        if (status < 300) {
            return null;
        }
        if (status >= 500 || status < 400) {
            return what + ": " + status + " " + body;
        }
        if (body.isEmpty() && status == 400) {
            return null;
        }
        boolean problem = contentType.startsWith("application/problem+json")
                || opaEnvelope && contentType.startsWith("application/json");
        if (!problem || !body.contains("\"code\"")) {
            return what + ": " + status + " without a problem body: " + contentType + " " + body;
        }
        return null;
    }

    private static byte[] mutate(Random random, Target target, int kind) {
        String seed = target.seed();
        return switch (kind) {
            case 0 -> randomBytes(random, random.nextInt(4096));
            case 1 -> utf8(seed.substring(0, random.nextInt(seed.length())));
            case 2 -> utf8(replaceAValue(random, seed, ODD_TEXT[random.nextInt(ODD_TEXT.length)]));
            case 3 -> spliceBytes(random, utf8(seed), BAD_BYTES[random.nextInt(BAD_BYTES.length)]);
            case 4 -> utf8(nested(random, target.contentType()));
            case 5 -> utf8(replaceAValue(random, seed, "x".repeat(random.nextInt(BODY_LIMIT - 2048))));
            case 6 ->
                random.nextInt(3) == 0
                        ? utf8("{\"v\": \"" + "y".repeat(BODY_LIMIT + random.nextInt(4096)) + "\"}")
                        : utf8(replaceAValue(random, seed, "[" + "1,".repeat(random.nextInt(50_000)) + "1]"));
            case 7 ->
                utf8(replaceAValue(
                        random,
                        seed,
                        random.nextBoolean()
                                ? "{\"a\": {\"b\": [null, 1e309, -0.0]}}"
                                : "[[], {}, \"\", 18446744073709551616]"));
            case 8 -> utf8(seed + seed.substring(0, random.nextInt(seed.length())));
            default -> utf8(target.contentType().equals(YAML) ? yamlBomb(random) : duplicateKeys(seed));
        };
    }

    /** Replaces the text of one quoted value (JSON) or one plain value after ": " (YAML) with {@code value}. */
    private static String replaceAValue(Random random, String seed, String value) {
        List<int[]> spans = new ArrayList<>();
        for (int i = seed.indexOf('"'); i >= 0; ) {
            int end = seed.indexOf('"', i + 1);
            if (end < 0) {
                break;
            }
            spans.add(new int[] {i + 1, end});
            i = seed.indexOf('"', end + 1);
        }
        if (spans.isEmpty()) {
            int colon = seed.indexOf(": ");
            return colon < 0 ? value : seed.substring(0, colon + 2) + value + seed.substring(seed.indexOf('\n', colon));
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
        return seed.substring(0, span[0]) + (random.nextBoolean() ? escaped : value) + seed.substring(span[1]);
    }

    private static String nested(Random random, String contentType) {
        int depth = 1 + random.nextInt(200_000);
        if (contentType.equals(YAML) && random.nextBoolean()) {
            StringBuilder block = new StringBuilder();
            for (int i = 0; i < Math.min(depth, 2_000); i++) {
                block.append(" ".repeat(i)).append("a:\n");
            }
            return block.toString();
        }
        return random.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String yamlBomb(Random random) {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        char previous = 'a';
        for (char level = 'b'; level <= 'a' + 5 + random.nextInt(20); level++) {
            bomb.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = level;
        }
        return bomb.append("route: {from: {uri: *")
                .append(previous)
                .append("}}\n")
                .toString();
    }

    private static String duplicateKeys(String seed) {
        return seed.startsWith("{") ? "{\"value\": 1, \"value\": \"two\", " + seed.substring(1) : seed + "\n" + seed;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] spliceBytes(Random random, byte[] seed, byte[] odd) {
        int at = random.nextInt(seed.length);
        byte[] spliced = new byte[seed.length + odd.length];
        System.arraycopy(seed, 0, spliced, 0, at);
        System.arraycopy(odd, 0, spliced, at, odd.length);
        System.arraycopy(seed, at, spliced, at + odd.length, seed.length - at);
        return spliced;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketException reset) {
            return new byte[0];
        }
    }
}
