package io.maestro.conductor.cli;

import picocli.CommandLine;

/** A command that only groups subcommands: run bare, it prints its usage (the subcommands and their help). */
abstract class CommandGroup implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
