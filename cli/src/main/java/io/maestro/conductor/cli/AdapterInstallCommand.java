package io.maestro.conductor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conductor adapter install BUNDLE}: uploads a signed bundle into a running hub ({@code POST
 * /api/adapters/bundles}, an admin's login), which verifies and loads it without a restart. The password comes from
 * {@code CONDUCTOR_PASSWORD} or the first line of stdin, never from an argument.
 */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        description = "Install a signed bundle into a running hub. Prints the hub's JSON answer; exit 0 when "
                + "installed, 1 when the hub refused it, 2 when the hub could not be reached.")
final class AdapterInstallCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "Bundle file from `adapter package`.")
    Path bundle;

    @Option(names = "--hub", defaultValue = "http://127.0.0.1:8080", description = "Default: ${DEFAULT-VALUE}.")
    URI hub;

    @Option(names = "--user", defaultValue = "operator", description = "Default: ${DEFAULT-VALUE}.")
    String user;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String password = System.getenv("CONDUCTOR_PASSWORD");
        if (password == null) {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        String login = Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(hub.resolve("/api/adapters/bundles"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + login)
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofFile(bundle))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        spec.commandLine().getOut().println(response.body());
        return response.statusCode() / 100 == 2 ? 0 : 1;
    }
}
