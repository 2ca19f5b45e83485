package io.maestro.conductor.cli;

import io.maestro.conductor.registry.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code conductor users ...}: the hub's tenant-scoped API users ({@code conductor.security.users[n]}). */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "API users of the hub.",
        subcommands = UsersCommand.Hash.class)
final class UsersCommand extends CommandGroup {

    /**
     * Reads the password from a terminal prompt (asked twice, not echoed) when stdin and stdout are the terminal,
     * else from the first line of stdin; never from an argument, which ends up in shell history and process
     * listings. (So {@code $(conductor users hash)} would echo what is typed: pipe the password in instead.)
     */
    @Command(
            name = "hash",
            mixinStandardHelpOptions = true,
            description = "Print the bcrypt hash of a password for conductor.security.users[n].password. The password "
                    + "is read from the terminal (asked twice) or from the first line of stdin. Exit 0 with the hash "
                    + "on stdout; 2 when no usable password was given.")
    static final class Hash implements Callable<Integer> {

        /** bcrypt refuses more: the rest would be silently ignored by the algorithm. */
        static final int MAX_BYTES = 72;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--cost",
                defaultValue = "12",
                description = "bcrypt cost (log2 rounds), 10 to 16. Default: 12.")
        int cost;

        @Override
        public Integer call() throws IOException {
            if (cost < 10 || cost > 16) {
                return fail("COST_INVALID", "--cost must be between 10 and 16");
            }
            Console console = System.console();
            String password = console != null ? prompt(console) : firstLineOfStdin();
            if (password == null) {
                return fail("PASSWORD_MISMATCH", "the two passwords differ");
            }
            if (password.isEmpty()) {
                return fail("PASSWORD_EMPTY", "no password given (type it at the prompt or pipe it on stdin)");
            }
            if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                return fail("PASSWORD_TOO_LONG", "bcrypt takes at most " + MAX_BYTES + " bytes of password");
            }
            spec.commandLine().getOut().println(new BCryptPasswordEncoder(cost).encode(password));
            return 0;
        }

        /** @return the password, or null when the confirmation differs */
        private static String prompt(Console console) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            try {
                return first == null || !Arrays.equals(first, again) ? null : new String(first);
            } finally {
                if (first != null) {
                    Arrays.fill(first, ' ');
                }
                if (again != null) {
                    Arrays.fill(again, ' ');
                }
            }
        }

        /**
         * The first line, read no further than the longest password, a CR and one byte more: an endless stdin without a
         * newline ({@code conductor users hash < /dev/zero}) comes back too long instead of filling the heap. A
         * line cut at the bound keeps its last byte, so it is always refused as too long.
         */
        private static String firstLineOfStdin() throws IOException {
            InputStream in = System.in;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int next = in.read();
            while (next != -1 && next != '\n') {
                line.write(next);
                if (line.size() > MAX_BYTES + 1) {
                    return line.toString(StandardCharsets.UTF_8);
                }
                next = in.read();
            }
            String read = line.toString(StandardCharsets.UTF_8);
            return read.endsWith("\r") ? read.substring(0, read.length() - 1) : read;
        }

        private int fail(String code, String message) {
            spec.commandLine().getErr().println(Json.write(Map.of("error", code, "message", message)));
            return 2;
        }
    }
}
