package io.maestro.conductor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code conductor adapter install BUNDLE}: uploads a signed bundle into a running hub ({@code POST
 * /api/adapter-bundles}, an operator who sees every tenant), which verifies and loads it without a restart. The
 * password never comes from an argument (see {@link HubLogin}).
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

    @Mixin
    HubLogin login;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return login.upload(spec.commandLine(), "/api/adapter-bundles", bundle);
    }
}
