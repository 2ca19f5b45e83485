package io.maestro.conductor.cli;

import io.maestro.conductor.policy.simulate.SimulateCommand;
import io.maestro.conductor.policy.tools.ConformanceCases;
import io.maestro.conductor.policy.tools.RegoEvalCommand;
import io.maestro.conductor.policy.tools.RegoTestRunner;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conductor policy ...}: the embedded Rego engine's tools (module policy). */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Rego policies on the embedded engine.",
        subcommands = {
            PolicyCommand.Cases.class,
            PolicyCommand.Test.class,
            PolicyCommand.Eval.class,
            PolicyCommand.Simulate.class
        })
final class PolicyCommand extends CommandGroup {

    /** Streams onto picocli's writers; closing one flushes it without closing the writer. */
    static PrintStream out(CommandLine.Model.CommandSpec spec) {
        return new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
    }

    static PrintStream err(CommandLine.Model.CommandSpec spec) {
        return new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true, StandardCharsets.UTF_8);
    }

    @Command(
            name = "cases",
            mixinStandardHelpOptions = true,
            description = "Run OPA-format YAML conformance cases found under DIR.")
    static final class Cases implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Directory of case files.")
        Path dir;

        @Override
        public Integer call() {
            try (PrintStream out = out(spec)) {
                return ConformanceCases.run(dir, out);
            }
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Run the test_ rules of the Rego files under DIR (like opa test).")
    static final class Test implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Directory of .rego files.")
        Path dir;

        @Override
        public Integer call() {
            try (PrintStream out = out(spec)) {
                return RegoTestRunner.run(dir, out);
            }
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a Rego query (like opa eval).")
    static final class Eval implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = {"-d", "--data"},
                required = true,
                paramLabel = "DIR",
                description = "Policy and data directory; repeatable.")
        List<Path> dataDirs;

        @Option(
                names = {"-i", "--input"},
                paramLabel = "FILE",
                description = "Input document (JSON).")
        Path input;

        @Parameters(paramLabel = "QUERY", description = "Query, e.g. data.residency.allow")
        String query;

        @Override
        public Integer call() {
            try (PrintStream out = out(spec);
                    PrintStream err = err(spec)) {
                return RegoEvalCommand.run(dataDirs, input, query, out, err);
            }
        }
    }

    @Command(
            name = "simulate",
            mixinStandardHelpOptions = true,
            description = "Run the simulation scenarios (*.yaml) under DIR against a policy bundle; one line per "
                    + "mismatch, then 'N passed, M failed'.")
    static final class Simulate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = {"-d", "--bundle"},
                paramLabel = "DIR",
                description = "Bundle directory; repeatable. Default: the nearest directory at or above DIR with "
                        + ".rego files.")
        List<Path> bundleDirs;

        @Parameters(
                paramLabel = "DIR",
                description = "Directory of scenario files, e.g. " + "governance-policies/simulations/saas")
        Path dir;

        @Override
        public Integer call() {
            try (PrintStream out = out(spec)) {
                return SimulateCommand.run(dir, bundleDirs, out);
            }
        }
    }
}
