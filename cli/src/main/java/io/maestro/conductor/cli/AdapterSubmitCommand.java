package io.maestro.conductor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conductor adapter submit BUNDLE --tenant T --env E}: submits a signed bundle for certification ({@code POST
 * /api/tenants/T/environments/E/adapter-certifications}); the hub scans it, stores the evidence and answers the
 * certification ({@code in_review}, its risk rating and findings). The password never comes from an argument.
 */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Submit a signed bundle for review and certification. Prints the hub's JSON answer; exit 0 when "
                + "submitted, 1 when the hub refused it, 2 when the hub could not be reached.")
final class AdapterSubmitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "Bundle file from `adapter package`.")
    Path bundle;

    @Option(names = "--tenant", required = true, description = "The submitting tenant.")
    String tenant;

    @Option(names = "--env", required = true, description = "Its environment (whose storage keeps the evidence).")
    String environment;

    @Mixin
    HubLogin login;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!tenant.matches("[a-z0-9-]{1,63}") || !environment.matches("[a-z0-9-]{1,31}")) {
            spec.commandLine().getErr().println("conductor: --tenant and --env are lower-case names");
            return 2;
        }
        return login.upload(
                spec.commandLine(),
                "/api/tenants/" + tenant + "/environments/" + environment + "/adapter-certifications",
                bundle);
    }
}
