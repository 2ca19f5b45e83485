package io.maestro.conductor.hub.security;

import io.maestro.conductor.registry.secret.OwnerOnlyFile;
import io.maestro.conductor.registry.secret.RandomSecret;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the operator's password: the configured one (env {@code CONDUCTOR_OPERATOR_PASSWORD}) when
 * set, else the one kept in {@code <data-dir>/operator-password}, else a fresh one generated now and
 * kept there with owner-only permissions.
 *
 * <p>The console only learns where the generated password is kept, never the value: stdout of a service is
 * redirected into journals and log files that outlive the password's owner-only file.
 */
public final class OperatorPassword {

    static final String FILE_NAME = "operator-password";
    private static final Logger log = LoggerFactory.getLogger(OperatorPassword.class);

    private OperatorPassword() {}

    /**
     * @param configured the configured password, or blank/null when none
     * @param dataDir    where the generated password is kept
     * @param mayGenerate false in production: a missing password stops the start instead
     * @param console    where a newly generated password's location is announced
     */
    public static String resolve(String configured, Path dataDir, boolean mayGenerate, PrintStream console) {
        if (configured != null && !configured.isBlank()) {
            log.info("event=operator_password_source source=environment");
            return configured;
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                log.info("event=operator_password_source source=file path={}", file);
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            if (!mayGenerate) {
                throw new IllegalStateException("No operator password: set CONDUCTOR_OPERATOR_PASSWORD");
            }
            String generated = RandomSecret.ofBytes(24);
            String kept = OwnerOnlyFile.readOrCreate(file, () -> generated).strip();
            if (!kept.equals(generated)) {
                // Another hub on the same data dir created it at the same moment; use theirs.
                log.info("event=operator_password_source source=file path={}", file);
                return kept;
            }
            log.info("event=operator_password_generated path={}", file);
            console.println();
            console.println("Conductor operator login: user 'operator', password generated into " + file
                    + " (readable by its owner only). Read it with: cat " + file);
            console.println();
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
