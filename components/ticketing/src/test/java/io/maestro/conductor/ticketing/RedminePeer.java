package io.maestro.conductor.ticketing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real peer: Debian's {@code redmine} package (5.0, SQLite), run from a copy of its application directory with an
 * instance directory and database of its own, on a free port of 127.0.0.1, and stopped with SIGTERM.
 *
 * <p>The first start on a machine builds a template database in the system temp directory
 * ({@code conductor-redmine-peer-<hash of Redmine's version file>}): {@code rake db:migrate},
 * Redmine's default data (English), the REST API switched on, the admin's API key, and two private projects
 * ({@value #PROJECT} and {@value #OTHER_PROJECT}) with every tracker. Later starts (any module, any worktree) copy it:
 * migrating takes minutes on a busy machine. A run's copy lives under {@code target/redmine-peer}. One peer serves every test class of the JVM ({@link #shared()}).
 *
 * <p>Needs the package ({@code apt-get install redmine redmine-sqlite}; {@code bin/test} installs it as root) and
 * {@code RUBYOPT=-rwebrick} (Ruby 3 no longer bundles WEBrick, and Debian's Redmine does not require it).
 */
public final class RedminePeer implements AutoCloseable {

    public static final String PROJECT = "ops";
    public static final String OTHER_PROJECT = "other";

    /** Debian's package layout; another copy of Redmine 5 may be named by CONDUCTOR_TEST_REDMINE_HOME. */
    private static final Path HOME =
            Path.of(System.getenv().getOrDefault("CONDUCTOR_TEST_REDMINE_HOME", "/usr/share/redmine"));

    private static final Path WORK = Path.of("target", "redmine-peer").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RedminePeer shared;

    private static final String SETUP = """
            Redmine::DefaultData::Loader.load('en') unless Tracker.exists?
            Setting.rest_api_enabled = '1'
            admin = User.find_by_login('admin')
            %w[ops other].each do |ident|
              next if Project.find_by_identifier(ident)
              p = Project.new(name: ident.capitalize, identifier: ident, is_public: false)
              p.trackers = Tracker.all.to_a
              p.enabled_module_names = Redmine::AccessControl.available_project_modules
              p.save!
            end
            puts "APIKEY=#{admin.api_key}"
            """;

    private final Path run;
    private final Process server;
    private final int port;
    private final String apiKey;
    private final HttpClient http = HttpClient.newHttpClient();

    private RedminePeer(Path run, Process server, int port, String apiKey) {
        this.run = run;
        this.server = server;
        this.port = port;
        this.apiKey = apiKey;
    }

    /** The JVM's one peer, started on first use and stopped (SIGTERM) when the JVM exits. */
    public static synchronized RedminePeer shared() {
        if (shared == null) {
            shared = start();
            RedminePeer peer = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(peer::close, "redmine-peer-stop"));
        }
        return shared;
    }

    public static RedminePeer start() {
        if (!Files.isRegularFile(HOME.resolve("config.ru"))) {
            throw new IllegalStateException("Debian's redmine is not installed at " + HOME + ": run bin/test as root, "
                    + "or apt-get install redmine redmine-sqlite");
        }
        try {
            String apiKey = template();
            Path run = WORK.resolve("run-" + UUID.randomUUID());
            Path app = application(run);
            Files.copy(templateDir().resolve("db.sqlite3"), run.resolve("db.sqlite3"));
            int port = freePort();
            Process server = ruby(
                            app,
                            run.resolve("server.log"),
                            "bin/rails",
                            "server",
                            "-b",
                            "127.0.0.1",
                            "-p",
                            String.valueOf(port),
                            "-e",
                            "production")
                    .start();
            RedminePeer peer = new RedminePeer(run, server, port, apiKey);
            peer.awaitAnswer();
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The migrated template database, built once; answers the admin's API key. */
    private static synchronized String template() throws IOException {
        Path template = templateDir();
        Path key = template.resolve("apikey");
        if (Files.isRegularFile(key)) {
            return Files.readString(key).strip();
        }
        Path build = template.resolveSibling(template.getFileName() + "-build-" + UUID.randomUUID());
        Path app = application(build);
        Files.writeString(build.resolve("setup.rb"), SETUP);
        exec(ruby(app, build.resolve("migrate.log"), "rake", "db:migrate"));
        exec(ruby(
                app,
                build.resolve("setup.log"),
                "bin/rails",
                "runner",
                build.resolve("setup.rb").toString()));
        Matcher found = Pattern.compile("APIKEY=([0-9a-f]{40})").matcher(Files.readString(build.resolve("setup.log")));
        if (!found.find()) {
            throw new IllegalStateException("Redmine's setup printed no API key; see " + build.resolve("setup.log"));
        }
        // Complete, then moved into place in one step: another JVM sees all of it or none.
        Path ready = build.resolve("template");
        Files.createDirectories(ready);
        Files.copy(build.resolve("db.sqlite3"), ready.resolve("db.sqlite3"));
        Files.writeString(ready.resolve("apikey"), found.group(1));
        try {
            Files.createDirectories(template.getParent());
            Files.move(ready, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.isRegularFile(key)) {
                throw raced;
            }
        }
        delete(build);
        return Files.readString(key).strip();
    }

    private static Path templateDir() throws IOException {
        byte[] version = Files.readAllBytes(HOME.resolve("lib/redmine/version.rb"));
        String hash = Integer.toHexString(java.util.Arrays.hashCode(version));
        return Path.of(System.getProperty("java.io.tmpdir"), "conductor-redmine-peer-" + hash);
    }

    /**
     * A copy of Debian's application directory under {@code dir/app} whose instance ({@code instances/default}) is
     * ours: database {@code dir/db.sqlite3}, its own secret, log, tmp and files. Nothing outside {@code dir} is
     * written.
     */
    private static Path application(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path app = dir.resolve("app");
        exec(new ProcessBuilder("cp", "-a", HOME.toString(), app.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("copy.log").toFile()));
        // Debian points these at /var/lib/redmine and /etc/redmine: replace them with the copy's own.
        Path lock = app.resolve("Gemfile.lock");
        Path lockTarget = Files.isSymbolicLink(lock) ? lock.toRealPath() : null;
        for (String link : List.of("instances", "config/database.yml")) {
            Files.deleteIfExists(app.resolve(link));
        }
        if (lockTarget != null) {
            Files.delete(lock);
            Files.copy(lockTarget, lock);
        }
        Path instance = app.resolve("instances/default");
        for (String sub : List.of("config", "log", "tmp", "files", "public/plugin_assets")) {
            Files.createDirectories(instance.resolve(sub));
        }
        String database =
                "production:\n  adapter: sqlite3\n  database: " + dir.resolve("db.sqlite3") + "\n  encoding: utf8\n";
        Files.writeString(instance.resolve("config/database.yml"), database);
        Files.writeString(app.resolve("config/database.yml"), database);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.writeString(
                instance.resolve("config/secret_key.txt"), HexFormat.of().formatHex(secret));
        return app;
    }

    private static ProcessBuilder ruby(Path app, Path log, String... command) {
        List<String> line = command[0].startsWith("bin/") ? prepend("ruby", command) : List.of(command);
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("RAILS_ENV", "production");
        env.put("RUBYOPT", "-rwebrick");
        env.put("REDMINE_INSTANCE", "default");
        return builder;
    }

    private static List<String> prepend(String first, String... rest) {
        String[] line = new String[rest.length + 1];
        line[0] = first;
        System.arraycopy(rest, 0, line, 1, rest.length);
        return List.of(line);
    }

    private static void exec(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(builder.command() + " took longer than " + START_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(builder.command() + " failed (exit " + process.exitValue() + "); see "
                    + builder.redirectOutput().file());
        }
    }

    private void awaitAnswer() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(
                        "Redmine exited (" + server.exitValue() + "); see " + run.resolve("server.log"));
            }
            try {
                http.send(
                        HttpRequest.newBuilder(url("/users/current.json"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return; // any answer (401 without a key) means Rails is serving
            } catch (IOException notYet) {
                sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        close();
        throw new IllegalStateException("Redmine did not answer within " + START_TIMEOUT);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String apiKey() {
        return apiKey;
    }

    public URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    /** A GET as the admin, straight to Redmine: what the tests check the adapter's work against. */
    public JsonNode get(String path) {
        return send("GET", path, null).body();
    }

    /** A request as the admin, straight to Redmine. */
    public Answer send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Redmine-API-Key", apiKey)
                .header("Content-Type", "application/json");
        request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Answer(int status, JsonNode body) {}

    /** Every issue (any status) of {@code project} whose subject contains {@code text}. */
    public List<JsonNode> issues(String project, String text) {
        JsonNode answer = get("/issues.json?project_id=" + project + "&status_id=*&limit=100&subject="
                + java.net.URLEncoder.encode("~" + text, StandardCharsets.UTF_8));
        List<JsonNode> issues = new java.util.ArrayList<>();
        answer.path("issues").forEach(issues::add);
        return issues;
    }

    @Override
    public synchronized void close() {
        if (server.isAlive()) {
            server.destroy(); // SIGTERM: WEBrick shuts down cleanly
            try {
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
        delete(run);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover run directory under target/ is harmless
        }
    }
}
