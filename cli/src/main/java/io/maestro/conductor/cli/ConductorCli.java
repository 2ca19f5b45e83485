package io.maestro.conductor.cli;

import io.maestro.conductor.registry.EmbeddedDatabase;
import io.maestro.conductor.registry.store.Json;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code conductor}: the operator's command-line tool. {@code bin/conductor} runs it. */
@Command(
        name = "conductor",
        mixinStandardHelpOptions = true,
        version = "conductor 0.1.0",
        description = "Maestro Conductor command-line tool.",
        subcommands = {ReceiptsCommand.class, PolicyCommand.class, UsersCommand.class, AdapterCommand.class})
public final class ConductorCli extends CommandGroup {

    public static void main(String[] args) {
        // Opening the embedded database while no hub runs makes this process its AUTO_SERVER: loopback only.
        EmbeddedDatabase.serveOnLoopbackOnly();
        System.exit(commandLine().execute(args));
    }

    /** The command tree, for {@code main} and for tests that capture its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new ConductorCli()).setExecutionExceptionHandler(ConductorCli::failure);
    }

    /** An unexpected failure (database unreachable, unreadable file): one JSON line on stderr, exit 2. */
    private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        cli.getErr()
                .println(Json.write(Map.of(
                        "error",
                        "COMMAND_FAILED",
                        "message",
                        e.getClass().getSimpleName() + ": " + root.getMessage())));
        cli.getErr().flush();
        return 2;
    }
}
