package io.maestro.conductor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How the adapter commands that talk to a running hub log in and upload: HTTP Basic with a password from
 * {@code --password-file}, else {@code CONDUCTOR_PASSWORD}, else the first line of stdin; never from an argument, so
 * it is never in a process list or a shell history. Exit 0 when the hub took the upload, 1 when it refused it, 2 when
 * it could not be reached.
 */
final class HubLogin {

    @Option(names = "--hub", defaultValue = "http://127.0.0.1:8080", description = "Default: ${DEFAULT-VALUE}.")
    URI hub;

    @Option(names = "--user", defaultValue = "operator", description = "Default: ${DEFAULT-VALUE}.")
    String user;

    @Option(
            names = "--password-file",
            description = "File whose first line is the password (else CONDUCTOR_PASSWORD, else stdin).")
    Path passwordFile;

    int upload(CommandLine command, String path, Path file) throws IOException, InterruptedException {
        String login = Base64.getEncoder().encodeToString((user + ":" + password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(hub.resolve(path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + login)
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            command.getErr().println("conductor: the hub at " + hub + " cannot be reached");
            return 2;
        } catch (HttpTimeoutException e) {
            command.getErr().println("conductor: the hub at " + hub + " did not answer in time");
            return 2;
        } catch (IOException e) {
            // The hub refuses a body over its bound as soon as it passes it and may close the connection before the
            // rest is sent: the answer is lost, so say what most likely happened, in the hub's problem shape.
            command.getOut()
                    .println("{\"status\":413,\"code\":\"UPLOAD_INTERRUPTED\",\"detail\":\"the hub closed the"
                            + " connection while " + Files.size(file) + " bytes were sent; the bundle is most likely"
                            + " over the hub's bound (conductor.adapters.max-bundle-size)\"}");
            return 1;
        }
        command.getOut().println(response.body());
        return response.statusCode() / 100 == 2 ? 0 : 1;
    }

    private String password() throws IOException {
        if (passwordFile != null) {
            String first = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .orElse("");
            return first.strip();
        }
        String password = System.getenv("CONDUCTOR_PASSWORD");
        if (password == null) {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        return password == null ? "" : password;
    }
}
