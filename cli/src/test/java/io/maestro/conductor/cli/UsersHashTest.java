package io.maestro.conductor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code conductor users hash}: the password comes in on stdin (no terminal under test), the bcrypt hash goes out. */
class UsersHashTest {

    private final InputStream stdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private static CliRun hash(String stdinText, String... options) {
        System.setIn(new ByteArrayInputStream(stdinText.getBytes(StandardCharsets.UTF_8)));
        String[] args = new String[options.length + 2];
        args[0] = "users";
        args[1] = "hash";
        System.arraycopy(options, 0, args, 2, options.length);
        return CliRun.of(args);
    }

    @Test
    void printsABcryptHashOfTheFirstLineOfStdinAndNeverThePassword() {
        CliRun run = hash("correct horse battery staple\nignored second line\n", "--cost", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String printed = run.out().strip();
        assertThat(printed).matches("\\$2a\\$10\\$[./0-9A-Za-z]{53}");
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery staple", printed))
                .isTrue();
        assertThat(run.out() + run.err()).doesNotContain("correct horse");
    }

    @Test
    void noPasswordOrAnOutOfRangeCostIsRefusedWithACode() {
        CliRun empty = hash("");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("PASSWORD_EMPTY");
        assertThat(empty.out()).isEmpty();

        CliRun tooLong = hash("x".repeat(73) + "\n", "--cost", "10");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("PASSWORD_TOO_LONG");

        CliRun cheap = hash("pw\n", "--cost", "4");
        assertThat(cheap.exitCode()).isEqualTo(2);
        assertThat(cheap.err()).contains("COST_INVALID");
    }

    @Test
    @Timeout(30)
    void anEndlessStdinWithoutANewlineIsRefusedAsTooLongWithoutReadingItAll() {
        long[] served = {0};
        System.setIn(new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }
        });
        CliRun endless = CliRun.of("users", "hash", "--cost", "10");

        assertThat(endless.exitCode()).isEqualTo(2);
        assertThat(endless.err()).contains("PASSWORD_TOO_LONG");
        assertThat(endless.out()).isEmpty();
        assertThat(served[0]).isLessThan(1024);
    }

    @Test
    void aPasswordOfExactlyTheLimitEndedByCrLfIsHashedWithoutTheCr() {
        String longest = "p".repeat(72);
        CliRun run = hash(longest + "\r\n", "--cost", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new BCryptPasswordEncoder().matches(longest, run.out().strip()))
                .isTrue();
        assertThat(hash("p".repeat(71) + "\r" + "x".repeat(100), "--cost", "10").err())
                .contains("PASSWORD_TOO_LONG");
    }

    @Test
    void anEmptyFirstLineIsRefusedEvenWithMoreLinesAfterIt() {
        CliRun blank = hash("\nsecond line\n");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("PASSWORD_EMPTY");
        assertThat(blank.out()).isEmpty();
    }

    @Test
    void helpNamesTheCommand() {
        assertThat(CliRun.of("--help").out()).contains("users");
        assertThat(CliRun.of("users", "hash", "--help").out()).contains("bcrypt", "--cost");
    }
}
